# Article scenario ("The benchmark that shows exactly when GIL hurts"): a
# CPU-bound sum of squares run twice in one thread and once in each of two
# threads, then an I/O-bound function (time.sleep) in two threads.  Printed:
# the results, and that the sleeping threads overlap -- checked by progress
# (a counting thread keeps running while another sleeps, so the sleeper does
# not hold the GIL) and by a generous time bound.
import threading
import time


def cpu_bound(n):
    return sum(i * i for i in range(n))


def io_bound(n):
    time.sleep(0.2)
    return n


N = 100000
single = [cpu_bound(N), cpu_bound(N)]
out = [None, None]


def run_cpu(k):
    out[k] = cpu_bound(N)


t1 = threading.Thread(target=run_cpu, args=(0,))
t2 = threading.Thread(target=run_cpu, args=(1,))
t1.start(); t2.start(); t1.join(); t2.join()
print("2 threads (CPU) agree with one thread:", out == single, single[0])

io_out = []
io_lock = threading.Lock()


def run_io(n):
    r = io_bound(n)
    with io_lock:
        io_out.append(r)


start = time.monotonic()
ts = [threading.Thread(target=run_io, args=(n,)) for n in (1, 2, 3, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.monotonic() - start
print("2+2 threads (I/O) results:", sorted(io_out))
# one after the other would take 0.8 s; the bound leaves room for a loaded machine
print("sleeps overlapped:", elapsed < 0.6)

# While one thread sleeps, another keeps counting.
ticks = [0]
stop = threading.Event()


def counter():
    while not stop.is_set():
        ticks[0] += 1


c = threading.Thread(target=counter)
c.start()
before = ticks[0]
time.sleep(0.3)
after = ticks[0]
stop.set()
c.join()
print("other thread ran during sleep:", after > before)
