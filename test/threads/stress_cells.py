# Closure cells shared by 8 threads: readers (LOAD_DEREF, no lock in the
# free-threaded build) race writers that keep replacing the contents with
# fresh objects, which the writers' stores release while readers may hold
# the old pointer.  A locked counter in another cell checks the writes.
import threading

def make():
    pair = (0, 0)
    total = 0
    lock = threading.Lock()

    def write(k, n):
        nonlocal pair, total
        for i in range(n):
            pair = (k * 100000 + i, [k, i])      # a new tuple and list each time
            with lock:
                total += 1

    def read(n):
        bad = 0
        seen = 0
        for _ in range(n):
            p = pair
            a, b = p
            if a != 0:
                seen += 1
                if a != b[0] * 100000 + b[1]:
                    bad += 1
        return bad, seen

    def count():
        return total

    return write, read, count

write, read, count = make()
results = []
rlock = threading.Lock()

def reader():
    bad, seen = read(20000)
    with rlock:
        results.append(bad)

ws = [threading.Thread(target=write, args=(k + 1, 5000)) for k in range(4)]
rs = [threading.Thread(target=reader) for _ in range(4)]
for t in ws + rs:
    t.start()
for t in ws + rs:
    t.join()
print("writes", count())
print("readers", len(results), "inconsistent", sum(results))

# The main thread owns the cells of a closure that other threads write.
def owner_cells():
    box = None
    def setter(v):
        nonlocal box
        box = v
    def getter():
        return box
    return setter, getter

setter, getter = owner_cells()
setter("main")
def hammer(k):
    for i in range(3000):
        setter(str(k) * (i % 5 + 1))
        v = getter()
        assert isinstance(v, str) and len(set(v)) == 1, v
ts = [threading.Thread(target=hammer, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
v = getter()
print("final is one writer's string", isinstance(v, str) and len(set(v)) == 1 and len(v) <= 5)
