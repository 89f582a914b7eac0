import heapq
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], len(h))
l = [9, 4, 7, 1, 8]
heapq.heapify(l)
print(l[0], heapq.heappushpop(l, 0), heapq.heapreplace(l, 10), sorted(l))
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge([3, 1], [2], key=lambda x: -x, reverse=False)))
tasks = []
for prio, name in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
