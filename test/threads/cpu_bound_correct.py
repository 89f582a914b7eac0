# CPU-bound threads give the same results as a single thread (speed is not checked)
import threading
def cpu(n):
    return sum(i * i for i in range(n))
N = 200000
single = [cpu(N), cpu(N)]
res = [None, None]
def run(i): res[i] = cpu(N)
ts = [threading.Thread(target=run, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(single == res, res[0])
def count_primes(lo, hi):
    c = 0
    for n in range(max(lo, 2), hi):
        if all(n % d for d in range(2, int(n ** 0.5) + 1)):
            c += 1
    return c
parts = [0] * 4
def work(k): parts[k] = count_primes(k * 5000, (k + 1) * 5000)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(parts, sum(parts), sum(parts) == count_primes(0, 20000))
