# expected: python3.13 (itertools.batched, deque/lru_cache under free threading semantics)
# One deque shared by 8 threads doing mixed operations at the same time:
# append/appendleft/pop/popleft, a bounded deque, rotate, len, iteration
# that may fail with "mutated during iteration" but never crashes or loses items.
import threading
from collections import deque

N = 8
PER = 3000
d = deque()
start = threading.Barrier(N)
popped = [[] for _ in range(N)]

def worker(k):
    start.wait()
    mine = popped[k]
    for i in range(PER):
        if i % 2:
            d.append((k, i))
        else:
            d.appendleft((k, i))
        if i % 3 == 0:
            try:
                mine.append(d.pop() if k % 2 else d.popleft())
            except IndexError:
                pass
        if i % 500 == 0:
            d.rotate(k - 4)
            len(d)

ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
everything = [x for lst in popped for x in lst] + list(d)
print("items", len(everything), N * PER)
print("distinct", len(set(everything)) == N * PER)

# A bounded deque: concurrent appends keep it at maxlen exactly, never above.
b = deque(maxlen=100)
start2 = threading.Barrier(N)
sizes_ok = [True] * N
def bounded(k):
    start2.wait()
    for i in range(PER):
        b.append(i)
        if len(b) > 100:
            sizes_ok[k] = False
ts = [threading.Thread(target=bounded, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("bounded", len(b), all(sizes_ok))

# Iterating while others mutate: either a full pass or RuntimeError.
c = deque(range(1000))
stop = threading.Event()
outcomes = set()
def mutator():
    while not stop.is_set():
        c.append(1)
        c.popleft()
def reader():
    for _ in range(50):
        try:
            n = sum(1 for _ in c)
            # two mutators each hold at most one extra item between append and popleft
            outcomes.add("ok" if 1000 <= n <= 1002 else "bad length %d" % n)
        except RuntimeError as e:
            outcomes.add(str(e))
ms = [threading.Thread(target=mutator) for _ in range(2)]
rs = [threading.Thread(target=reader) for _ in range(N - 2)]
for t in ms + rs: t.start()
for t in rs: t.join()
stop.set()
for t in ms: t.join()
print("iteration outcomes", sorted(outcomes - {"ok"}) in ([], ["deque mutated during iteration"]))
print("final", len(c))
