# readers check a dict that writers keep growing; every key maps to its expected value
import threading
d = {i: i * 2 for i in range(100)}
bad = []
stop = threading.Event()
def writer(k):
    for i in range(k * 10000, k * 10000 + 4000):
        d[i] = i * 2
def reader():
    while not stop.is_set():
        for key in range(0, 100, 7):
            if d[key] != key * 2:
                bad.append(key)
        for key, val in list(d.items())[:200]:
            if val != key * 2:
                bad.append(key)
rs = [threading.Thread(target=reader) for _ in range(3)]
ws = [threading.Thread(target=writer, args=(k,)) for k in range(1, 6)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
print(len(d), bad, all(v == k * 2 for k, v in d.items()))
