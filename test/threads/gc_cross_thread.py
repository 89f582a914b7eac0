# The cycle collector with objects that cross threads: producer threads make
# containers (some in reference cycles) that consumer threads take from a
# queue and drop, while the main thread runs gc.collect(); threads that exit
# leave live tracked objects behind; gc.get_objects() and gc.is_tracked() see
# objects tracked by another thread.  Only counts and facts are printed.
import gc, queue, threading, time, weakref


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None


N_PRODUCERS = 3
N_CONSUMERS = 2
PER_PRODUCER = 2000

q = queue.Queue(maxsize=500)
dead_refs = []
refs_lock = threading.Lock()
consumed = [0] * N_CONSUMERS
sums = [0] * N_CONSUMERS


def producer(k):
    refs = []
    for i in range(PER_PRODUCER):
        a = Node(i)
        if i % 3 == 0:
            b = Node(-1)
            a.peer = b
            b.peer = a          # a cycle: only the collector frees it
            refs.append(weakref.ref(a))
        q.put([a, {"k": k, "i": i}, (a, i)])
    with refs_lock:
        dead_refs.extend(refs)


def consumer(k):
    n = s = 0
    while True:
        item = q.get()
        if item is None:
            break
        n += 1
        s += item[1]["i"]
        del item
    consumed[k] = n
    sums[k] = s


threads = [threading.Thread(target=producer, args=(k,)) for k in range(N_PRODUCERS)]
threads += [threading.Thread(target=consumer, args=(k,)) for k in range(N_CONSUMERS)]
for t in threads:
    t.start()
collections = 0
while any(t.is_alive() for t in threads[:N_PRODUCERS]):
    gc.collect()
    time.sleep(0.02)    # back to back, stopping the world starves the producers
    collections += 1
for t in threads[:N_PRODUCERS]:
    t.join()
for _ in range(N_CONSUMERS):
    q.put(None)
for t in threads[N_PRODUCERS:]:
    t.join()
gc.collect()
print("consumed:", sum(consumed), "of", N_PRODUCERS * PER_PRODUCER)
print("sum ok:", sum(sums) == N_PRODUCERS * sum(range(PER_PRODUCER)))
print("cycles made:", len(dead_refs))
print("cycles left alive:", sum(r() is not None for r in dead_refs))
print("collected while running:", collections > 0)

# Objects tracked by a thread that has exited stay tracked and visible, and
# die with the collector once unreachable.
keep = []
def leave_behind():
    for i in range(2000):
        keep.append([i])
    x = Node(0)
    x.peer = x
    keep.append(weakref.ref(x))

t = threading.Thread(target=leave_behind)
t.start()
t.join()
print("left behind:", len(keep) - 1, "tracked:", all(gc.is_tracked(x) for x in keep[:-1]))
ids = set(map(id, gc.get_objects()))
print("seen by get_objects:", sum(id(x) in ids for x in keep[:-1]))
del ids
gc.collect()
print("self-cycle freed:", keep[-1]() is None)
print("survivors intact:", sum(x[0] for x in keep[:-1]) == sum(range(2000)))

# get_objects sees what a live thread tracks right now.
ready = threading.Event()
done = threading.Event()
box = []
def hold():
    box.append(Node(7))
    ready.set()
    done.wait()

t = threading.Thread(target=hold)
t.start()
ready.wait()
print("other thread's object tracked:", gc.is_tracked(box[0]))
print("in get_objects:", any(o is box[0] for o in gc.get_objects()))
referrers = gc.get_referrers(box[0])
print("box among its referrers:", any(r is box for r in referrers))
done.set()
t.join()

# Many short threads, each leaving objects: their slot sets are reused.
survivors = []
def short(i):
    survivors.append([i, [i]])
for round in range(5):
    ts = [threading.Thread(target=short, args=(round * 10 + j,)) for j in range(10)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    gc.collect()
print("short-thread survivors:", len(survivors), sum(s[0] for s in survivors),
      all(gc.is_tracked(s) for s in survivors))
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("unfrozen:", gc.get_freeze_count())
