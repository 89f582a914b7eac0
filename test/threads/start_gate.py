# eight threads released together by an Event each add to a per-thread slot
import threading
gate = threading.Event()
slots = [0] * 8
started = threading.Semaphore(0)
def work(i):
    started.release()
    gate.wait()
    for _ in range(10000):
        slots[i] += 1
ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in ts: t.start()
for _ in ts: started.acquire()
gate.set()
for t in ts: t.join()
print(slots, sum(slots))
