# workers advance through phases in lock step
import threading
N, PHASES = 4, 3
b = threading.Barrier(N)
log = []
lock = threading.Lock()
def worker(i):
    for p in range(PHASES):
        with lock:
            log.append(p)
        b.wait()
ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(log == sorted(log), len(log))
b2 = threading.Barrier(3)
def abort_later():
    b2.abort()
t = threading.Thread(target=abort_later)
t.start(); t.join()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError after abort")
