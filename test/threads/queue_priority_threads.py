# several producers push prioritised jobs; one consumer takes them out in priority order after all are queued
import queue, threading
pq = queue.PriorityQueue()
def producer(k):
    for i in range(5):
        pq.put((i * 10 + k, f"job-{k}-{i}"))
ts = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
out = []
while not pq.empty():
    out.append(pq.get()[1])
print(out[:6], len(out))
lq = queue.LifoQueue(maxsize=3)
for x in "abc": lq.put(x)
print(lq.full(), [lq.get() for _ in range(3)], lq.empty())
