# the articles' CPU-bound demo: two threads summing squares give the same totals as
# one thread; whether they ran in parallel is not printed (it differs per build)
import threading, sys
def cpu_bound(n):
    return sum(i * i for i in range(n))
N = 300000
expected = cpu_bound(N)
results = []
lock = threading.Lock()
def run():
    r = cpu_bound(N)
    with lock:
        results.append(r)
ts = [threading.Thread(target=run) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(results == [expected] * 4, expected)
gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print(gil in (True, False))
