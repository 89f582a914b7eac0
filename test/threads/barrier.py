import threading
b = threading.Barrier(4)
order = []
lock = threading.Lock()
def worker(i):
    with lock:
        order.append(("before", i))
    idx = b.wait()
    with lock:
        order.append(("after", idx))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(all(o[0] == "before" for o in order[:4]), sorted(o[1] for o in order[4:]))
print(b.parties, b.n_waiting, b.broken)
actions = []
b2 = threading.Barrier(2, action=lambda: actions.append("action"))
t = threading.Thread(target=b2.wait); t.start(); b2.wait(); t.join()
print(actions)
b3 = threading.Barrier(2, timeout=0.05)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b3.broken)
b3.reset()
print(b3.broken)
