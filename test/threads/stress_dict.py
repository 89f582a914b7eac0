import threading
d = {}
def writer(k):
    for i in range(3000):
        d[(k, i)] = i
        if i % 3 == 0:
            d.pop((k, i - 3), None)
def iterate(stop, res):
    count = 0
    while not stop.is_set():
        try:
            for key in list(d):
                count += 1
        except RuntimeError:
            res.append("unexpected")
    res.append("ok")
stop = threading.Event()
res = []
its = [threading.Thread(target=iterate, args=(stop, res)) for _ in range(2)]
ws = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
for t in its + ws: t.start()
for t in ws: t.join()
stop.set()
for t in its: t.join()
expected = 8 * (3000 - 999)
print(len(d), len(d) == expected, sum(d.values()) == 8 * sum(i for i in range(3000) if not (i % 3 == 0 and i + 3 < 3000)), res)
