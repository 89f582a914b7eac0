# one list shared by threads that append, pop, sort and read; final invariants only
import threading
data = list(range(1000))
lock = threading.Lock()
def appender():
    for i in range(2000):
        data.append(i)
def popper(out):
    n = 0
    for _ in range(1000):
        try:
            data.pop()
            n += 1
        except IndexError:
            pass
    out.append(n)
def sorter():
    for _ in range(50):
        snapshot = sorted(data[:500])
        assert snapshot == sorted(snapshot)
def reader():
    for _ in range(200):
        len(data); data[:10]; sum(data[:50])
popped = []
ts = [threading.Thread(target=appender) for _ in range(3)] + [threading.Thread(target=popper, args=(popped,)) for _ in range(2)] + [threading.Thread(target=sorter), threading.Thread(target=reader), threading.Thread(target=reader)]
for t in ts: t.start()
for t in ts: t.join()
print(len(data) + sum(popped) == 1000 + 3 * 2000, "ok")
