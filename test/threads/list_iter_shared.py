# One list iterator advanced first by the main thread alone (the
# free-threaded build then skips the compare-and-swap on the index), then
# by 8 threads at once, started while it is half consumed: every item comes
# out exactly once.
import threading

N = 200000
items = list(range(N))
it = iter(items)
first = [next(it) for _ in range(1000)]
for x in it:                     # the for loop's own iteration, still alone
    first.append(x)
    if x == 4999:
        break

seen = [[] for _ in range(8)]
go = threading.Barrier(9)

def worker(k):
    go.wait()
    out = seen[k]
    for x in it:
        out.append(x)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
go.wait()
mine = []
for x in it:
    mine.append(x)
for t in threads:
    t.join()
everything = first + mine + [x for s in seen for x in s]
print("count", len(everything), "distinct", len(set(everything)))
print("all items once:", sorted(everything) == items)
print("exhausted:", next(it, "done"))
# A fresh iterator after the threads have gone (sole-thread path again).
print(sum(iter(items)) == N * (N - 1) // 2)
