# Objects read by many threads out of a shared dict and list (the reads
# count them per thread in the free-threaded build) are still freed once the
# container is gone: at the latest by the next gc.collect().  Also checks
# that the reads see the right values and that sys.getrefcount stays sane.
import gc
import sys
import threading

deaths = []


class I(int):
    def __del__(self):
        deaths.append(1)


class S(str):
    def __del__(self):
        deaths.append(1)


N = 300
ints = [I(1000 + i) for i in range(N)]
strs = [S("s%d" % i) for i in range(N)]
d = {strs[i]: ints[i] for i in range(N)}
lst = list(ints) + list(strs)
del ints, strs

NTHREADS = 8
results = [None] * NTHREADS
gate = threading.Barrier(NTHREADS)


def reader(k):
    gate.wait()
    total = 0
    nchars = 0
    for _ in range(20):
        for key in list(d):
            total += d[key]
        for i in range(N):
            total += lst[i]
            nchars += len(lst[N + i])
    held = lst[0]
    again = lst[0]
    # The list, this thread's two names and getrefcount's argument.
    ok = sys.getrefcount(held) >= 4
    results[k] = (total, nchars, ok)


threads = [threading.Thread(target=reader, args=(k,)) for k in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expect_total = 20 * 2 * sum(1000 + i for i in range(N))
expect_chars = 20 * sum(len("s%d" % i) for i in range(N))
print("results agree:", len(set(results)) == 1)
print("sums right:", results[0][0] == expect_total, results[0][1] == expect_chars)
print("getrefcount sane:", results[0][2])
print("alive while held:", 2 * N - len(deaths))


# Readers that stay alive (blocked) while the container is dropped.
hold = threading.Event()
done = threading.Barrier(NTHREADS + 1)


def reader2():
    s = 0
    for i in range(N):
        s += lst[i]
    done.wait()
    hold.wait()


threads = [threading.Thread(target=reader2) for _ in range(NTHREADS)]
for t in threads:
    t.start()
done.wait()
del d, lst
gc.collect()
print("alive after drop + collect:", 2 * N - len(deaths))
hold.set()
for t in threads:
    t.join()
print("alive at the end:", 2 * N - len(deaths))
