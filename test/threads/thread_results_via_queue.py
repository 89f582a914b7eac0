import threading, queue
results = queue.Queue()
def worker(n):
    results.put((n, n ** 3))
ts = [threading.Thread(target=worker, args=(n,)) for n in range(10)]
for t in ts: t.start()
for t in ts: t.join()
items = []
while not results.empty():
    items.append(results.get())
print(sorted(items))
