import queue, threading
sq = queue.SimpleQueue()
def prod(k):
    for i in range(1000):
        sq.put(k * 1000 + i)
ts = [threading.Thread(target=prod, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
items = []
while not sq.empty():
    items.append(sq.get_nowait())
print(len(items), sorted(items) == list(range(4000)), sq.qsize())
