# expected: python3.13 (itertools.batched, deque/lru_cache under free threading semantics)
# functools.lru_cache shared by 8 threads: answers always right, the
# statistics add up, the bounded cache never exceeds maxsize.
import threading
from functools import lru_cache

N = 8
CALLS = 2000
calls = []
calls_lock = threading.Lock()

@lru_cache(maxsize=None)
def square(x):
    with calls_lock:
        calls.append(x)
    return x * x

@lru_cache(maxsize=16)
def cube(x):
    return x * x * x

wrong = []
start = threading.Barrier(N)
def worker(k):
    start.wait()
    for i in range(CALLS):
        x = (i * 7 + k) % 50
        if square(x) != x * x:
            wrong.append(("square", x))
        y = (i * 13 + k) % 40
        if cube(y) != y * y * y:
            wrong.append(("cube", y))
        if i % 400 == 0 and k == 0:
            cube.cache_clear()

ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("wrong", wrong)
info = square.cache_info()
print("square", info.hits + info.misses == N * CALLS, info.currsize, info.maxsize)
print("every key computed", sorted(set(calls)) == list(range(50)), len(calls) == info.misses)
info = cube.cache_info()
print("cube", info.currsize <= 16, info.maxsize)
square.cache_clear()
print(square.cache_info())
