# deque append/popleft from several threads: nothing lost or duplicated
import threading
from collections import deque
d = deque()
def producer(k):
    for i in range(5000):
        d.append((k, i))
ps = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
for t in ps: t.start()
for t in ps: t.join()
got = []
lock = threading.Lock()
def consumer():
    local = []
    while True:
        try:
            local.append(d.popleft())
        except IndexError:
            break
    with lock:
        got.extend(local)
cs = [threading.Thread(target=consumer) for _ in range(4)]
for t in cs: t.start()
for t in cs: t.join()
print(len(got), len(set(got)), len(d))
