import threading
total = 0
lock = threading.Lock()
def add(v):
    global total
    with lock:
        total += v
for i in range(500):
    t = threading.Thread(target=add, args=(i,))
    t.start()
    t.join()
print(total, threading.active_count())
batch_total = []
for round_ in range(20):
    ts = [threading.Thread(target=add, args=(1,)) for _ in range(10)]
    for t in ts: t.start()
    for t in ts: t.join()
print(total)
