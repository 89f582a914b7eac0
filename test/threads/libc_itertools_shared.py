# expected: python3.13 (itertools.batched, deque/lru_cache under free threading semantics)
# itertools iterators shared between 8 threads: every item is handed out
# exactly once (each __next__ is atomic), nothing crashes.
import threading
import itertools
from collections import Counter

N = 8

def drain_shared(make, name):
    it = make()
    got = [[] for _ in range(N)]
    start = threading.Barrier(N)
    def worker(k):
        start.wait()
        mine = got[k]
        for x in it:
            mine.append(x)
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
    for t in ts: t.start()
    for t in ts: t.join()
    allx = [x for lst in got for x in lst]
    return allx

def check(name, make, expected):
    allx = drain_shared(make, name)
    print(name, len(allx), Counter(allx) == Counter(expected))

R = range(20000)
check("chain", lambda: itertools.chain(range(10000), range(10000, 20000)), list(R))
check("islice", lambda: itertools.islice(iter(R), 5, None, 3), list(R)[5::3])
check("zip_longest", lambda: itertools.zip_longest(range(9000), range(10000)),
      list(itertools.zip_longest(range(9000), range(10000))))
check("pairwise", lambda: itertools.pairwise(iter(R)), list(itertools.pairwise(R)))
check("accumulate", lambda: itertools.accumulate(range(5000)), list(itertools.accumulate(range(5000))))
check("product", lambda: itertools.product(range(40), repeat=2), list(itertools.product(range(40), repeat=2)))
check("permutations", lambda: itertools.permutations(range(7), 4), list(itertools.permutations(range(7), 4)))
check("combinations", lambda: itertools.combinations(range(20), 3), list(itertools.combinations(range(20), 3)))
check("cwr", lambda: itertools.combinations_with_replacement(range(12), 3),
      list(itertools.combinations_with_replacement(range(12), 3)))
check("batched", lambda: itertools.batched(range(10000), 7), list(itertools.batched(range(10000), 7)))
check("compress", lambda: itertools.compress(R, itertools.cycle([1, 0, 1])),
      list(itertools.compress(R, [1, 0, 1] * 7000)))
check("starmap", lambda: itertools.starmap(pow, zip(range(3000), itertools.repeat(2))),
      [i * i for i in range(3000)])
check("filterfalse", lambda: itertools.filterfalse(lambda v: v % 3, R), [v for v in R if v % 3 == 0])

# count and repeat are infinite/finite counters: slices of them shared.
c = itertools.count(100)
got = []
lock = threading.Lock()
def take():
    local = [next(c) for _ in range(1000)]
    with lock:
        got.extend(local)
ts = [threading.Thread(target=take) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("count", sorted(got) == list(range(100, 100 + N * 1000)), next(c))

# tee: each copy drained in its own thread, all see the whole sequence.
copies = itertools.tee(iter(R), N)
results = [None] * N
def drain(k):
    results[k] = list(copies[k])
ts = [threading.Thread(target=drain, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("tee", all(r == list(R) for r in results))

# cycle and groupby shared: content is racy by nature, only "no crash" and types.
cy = itertools.cycle("abc")
seen = set()
def spin():
    for _ in range(2000):
        seen.add(next(cy))
ts = [threading.Thread(target=spin) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("cycle", sorted(seen))
g = itertools.groupby(sorted(list(range(300)) * 5))
keys = []
def grp():
    for k, sub in g:
        keys.append(k)
        for _ in sub:
            pass
ts = [threading.Thread(target=grp) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("groupby keys within range", all(0 <= k < 300 for k in keys), len(set(keys)) <= 300)
