# expected: python3.13
# heapq on one list shared by 8 threads: each heappush/heappop/heappushpop
# is atomic, so nothing is lost or duplicated and the heap stays valid.
import threading, heapq

N = 8
PER = 2000
h = []
start = threading.Barrier(N)
popped = [[] for _ in range(N)]
def worker(k):
    start.wait()
    mine = popped[k]
    for i in range(PER):
        heapq.heappush(h, i * N + k)
        if i % 2:
            mine.append(heapq.heappop(h))
        if i % 7 == 0:
            mine.append(heapq.heappushpop(h, -(i * N + k) - 1))
ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in ts: t.start()
for t in ts: t.join()
valid = all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h))
everything = sorted([x for lst in popped for x in lst] + h)
expected = sorted([i * N + k for k in range(N) for i in range(PER)] +
                  [-(i * N + k) - 1 for k in range(N) for i in range(0, PER, 7)])
print("heap valid", valid)
print("nothing lost or duplicated", everything == expected, len(everything))
drained = [heapq.heappop(h) for _ in range(len(h))]
print("drains sorted", drained == sorted(drained))
