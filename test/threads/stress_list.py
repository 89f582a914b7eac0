import threading
shared = []
def appender(k):
    for i in range(5000):
        shared.append((k, i))
def reader(stop, out):
    n = 0
    while not stop.is_set():
        n += len(shared[-10:])
        for _ in shared[:50]:
            pass
    out.append("ok")
stop = threading.Event()
out = []
readers = [threading.Thread(target=reader, args=(stop, out)) for _ in range(2)]
writers = [threading.Thread(target=appender, args=(k,)) for k in range(8)]
for t in readers + writers: t.start()
for t in writers: t.join()
stop.set()
for t in readers: t.join()
print(len(shared), len(set(shared)), out)
per = [sorted(i for k, i in shared if k == w) == list(range(5000)) for w in range(8)]
print(all(per))
