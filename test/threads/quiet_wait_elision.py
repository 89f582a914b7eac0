# Threads that wait a while (a lock, an Event, a Queue, time.sleep) let the
# one thread still running skip its per-object locks in the free-threaded
# build; whoever wakes turns that off again before it touches anything.
# Here workers alternate bursts of writes to shared containers with waits of
# a few milliseconds, so that skipping starts and stops hundreds of times
# while other threads write the same list, dict, set and object: nothing
# may be lost or duplicated.
import queue
import threading
import time

WORKERS = 4
ROUNDS = 60
BURST = 1000

shared_list = []
shared_dict = {}
shared_set = set()

class Box:
    pass

box = Box()
ev = threading.Event()           # never set: wait() always times out
q = queue.Queue()
lock = threading.Lock()
lock.acquire()                   # never released: acquire(timeout) times out

def worker(k):
    for r in range(ROUNDS):
        base = (k * ROUNDS + r) * BURST
        for i in range(base, base + BURST):
            shared_list.append(i)
            shared_dict[i] = k
            shared_set.add(i)
            setattr(box, "w%d" % k, i)
        kind = r % 4
        if kind == 0:
            time.sleep(0.006)
        elif kind == 1:
            ev.wait(0.006)
        elif kind == 2:
            try:
                q.get(timeout=0.006)
            except queue.Empty:
                pass
        else:
            lock.acquire(timeout=0.006)

sums = []
def reader():
    # Reads while the writers run: lengths only grow.
    last = 0
    for _ in range(200):
        n = len(shared_list)
        if n < last:
            sums.append(("shrank", last, n))
        last = n
        sum(shared_list[:1000])
        time.sleep(0.003)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(WORKERS)]
threads.append(threading.Thread(target=reader))
for t in threads:
    t.start()
for t in threads:
    t.join()

total = WORKERS * ROUNDS * BURST
print("list:", len(shared_list) == total, len(set(shared_list)) == total)
print("dict:", len(shared_dict) == total,
      all(shared_dict[i] == i // (ROUNDS * BURST) for i in range(0, total, 997)))
print("set:", len(shared_set) == total)
print("attrs:", sorted(vars(box)) == ["w%d" % k for k in range(WORKERS)],
      all(getattr(box, "w%d" % k) == (k * ROUNDS + ROUNDS) * BURST - 1 for k in range(WORKERS)))
print("reader saw no shrink:", sums == [])
