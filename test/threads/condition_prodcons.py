import threading
from collections import deque
buf = deque()
cond = threading.Condition()
CAP = 3
produced, consumed = [], []
def producer():
    for i in range(20):
        with cond:
            cond.wait_for(lambda: len(buf) < CAP)
            buf.append(i)
            produced.append(i)
            cond.notify_all()
def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: buf)
            v = buf.popleft()
            cond.notify_all()
        if v is None:
            return
        consumed.append(v)
cs = [threading.Thread(target=consumer) for _ in range(2)]
p = threading.Thread(target=producer)
for t in cs: t.start()
p.start(); p.join()
with cond:
    for _ in cs:
        cond.wait_for(lambda: len(buf) < CAP)
        buf.append(None)
        cond.notify_all()
for t in cs: t.join()
print(len(produced), sorted(consumed) == list(range(20)), len(buf))
c = threading.Condition()
with c:
    print(c.wait(timeout=0.01))
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError", e)
