# 8 threads add and discard their own members of one set while 3 others test
# members that never leave it and copy it; the final size is exact
import threading

s = set(range(100))
stop = threading.Event()
bad = []

def writer(k):
    base = (k + 1) * 100000
    for i in range(3000):
        s.add(base + i)
        if i % 3:
            s.discard(base + i)
        s.add(k)                           # already there

def reader(out):
    n = 0
    while not stop.is_set():
        for x in range(0, 100, 7):
            if x not in s:
                bad.append(x)
            n += 1
        snap = list(s)
        if len(snap) < 100 or not set(range(100)) <= set(snap):
            bad.append("snapshot")
    out.append(n > 0)

out = []
rs = [threading.Thread(target=reader, args=(out,)) for _ in range(3)]
ws = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
for t in rs + ws:
    t.start()
for t in ws:
    t.join()
stop.set()
for t in rs:
    t.join()
print(len(s), len(s) == 100 + 8 * 1000, bad, out)
