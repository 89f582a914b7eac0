import queue, threading
q = queue.Queue()
done = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            done.append(item * 2)
        q.task_done()
ws = [threading.Thread(target=worker) for _ in range(4)]
for w in ws: w.start()
for i in range(100): q.put(i)
q.join()
print(len(done), sum(done))
for _ in ws: q.put(None)
for w in ws: w.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError", e)
print(q.unfinished_tasks)
