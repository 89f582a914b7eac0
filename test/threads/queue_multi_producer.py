import queue, threading
q = queue.Queue()
def producer(k):
    for i in range(250):
        q.put((k, i))
got = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        got.append(item)
ps = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
cs = [threading.Thread(target=consumer) for _ in range(3)]
for t in ps + cs: t.start()
for t in ps: t.join()
for _ in cs: q.put(None)
for t in cs: t.join()
print(len(got), len(set(got)), all(sorted(i for k, i in got if k == p) == list(range(250)) for p in range(4)))
