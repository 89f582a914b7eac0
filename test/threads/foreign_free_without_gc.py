# Objects one thread makes and another thread uses and drops are freed
# without any cycle collection (the free-threaded build counts another
# owner's objects in per-thread tables and settles them every few thousand
# drops), and everything is freed once the collector runs.  Only counts.
import gc
import queue
import threading

gc.disable()
N = 30000
freed = []


class Item:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        freed.append(1)


q = queue.SimpleQueue()
shared = [Item(-1), Item(-2)]      # read by every consumer, kept


def consumer(out):
    s = 0
    while True:
        x = q.get()
        if x is None:
            break
        s += x.i + shared[0].i + shared[1].i
        del x
    out.append(s)


outs = []
threads = [threading.Thread(target=consumer, args=(outs,)) for _ in range(2)]
for t in threads:
    t.start()
for i in range(N):
    q.put(Item(i))
for t in threads:
    q.put(None)
for t in threads:
    t.join()
# Let this thread merge what the consumers handed back to it.
for _ in range(1000):
    pass
print("sum right:", sum(outs) == sum(range(N)) - 3 * N)
print("most freed before any collection:", len(freed) > N - 10000)
gc.enable()
gc.collect()
print("all freed after a collection:", len(freed) == N)
print("kept alive:", shared[0].i, shared[1].i)
