import threading
s = set()
def add_remove(k):
    for i in range(4000):
        s.add(k * 100000 + i)
    for i in range(0, 4000, 2):
        s.discard(k * 100000 + i)
def reader(stop, res):
    while not stop.is_set():
        len(s)
        _ = (5 in s)
        frozenset(list(s)[:100])
    res.append("ok")
stop = threading.Event(); res = []
rs = [threading.Thread(target=reader, args=(stop, res)) for _ in range(2)]
ws = [threading.Thread(target=add_remove, args=(k,)) for k in range(8)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
print(len(s), sum(1 for v in s if v % 2 == 1), res)
