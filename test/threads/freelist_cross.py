# Floats, tuples, lists and dicts made in one thread and dropped in another
# (through queues), with every thread also recycling its own: the values
# read back must be exactly what was made, whatever free list the memory
# came from.
import threading
import queue

N_THREADS = 8
ROUNDS = 400

def make(tid, i):
    f = tid * 1000003.0 + i / 8.0
    t = (tid, i, f)
    lst = [tid, i, f, t]
    d = {"tid": tid, "i": i, "f": f, "t": t, "l": lst}
    return f, t, lst, d

def check(f, t, lst, d):
    tid, i = t[0], t[1]
    expect = tid * 1000003.0 + i / 8.0
    ok = (f == expect and t == (tid, i, expect) and lst == [tid, i, expect, t]
          and d["tid"] == tid and d["i"] == i and d["f"] == expect
          and d["t"] is t and d["l"] is lst and len(d) == 5)
    return ok

queues = [queue.Queue(maxsize=64) for _ in range(N_THREADS)]
results = [None] * N_THREADS
bad = []

def worker(tid):
    out = queues[(tid + 1) % N_THREADS]
    inq = queues[tid]
    received = 0
    local_sum = 0.0
    for i in range(ROUNDS):
        out.put(make(tid, i))
        # Local churn: short-lived objects of every listed size.
        for n in range(1, 22):
            tup = tuple(range(n))
            if len(tup) != n or tup[-1] != n - 1:
                bad.append(("tuple", tid, n))
        local_sum += (i * 0.5) * 2.0 - i
        item = inq.get()
        if not check(*item):
            bad.append(("item", tid, item[1]))
        received += 1
        del item
    results[tid] = (received, local_sum)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

print("threads:", N_THREADS)
print("received per thread:", sorted(set(r[0] for r in results)))
print("local sums zero:", all(r[1] == 0.0 for r in results))
print("bad:", bad[:5], len(bad))
print("queues empty:", all(q.empty() for q in queues))
