# 8 threads insert, delete and overwrite keys of one dict (so it resizes)
# while 3 others look up keys that never leave it; every lookup sees the
# right value and the final contents are exact
import threading

d = {"k%d" % i: i * 1000 for i in range(200)}
stop = threading.Event()
bad = []

def writer(k):
    for i in range(2000):
        d["w%d_%d" % (k, i)] = i
        if i % 2 == 0:
            del d["w%d_%d" % (k, i)]
        j = (i * 7 + k) % 200
        d["k%d" % j] = j * 1000 + 0         # a fresh int object, same value
        if i % 3 == 0:
            d.pop("w%d_%d" % (k, i - 1 if i % 2 == 0 else i), None)

def reader(out):
    n = 0
    while not stop.is_set():
        for j in range(0, 200, 9):
            key = "k%d" % j
            if d[key] != j * 1000 or key not in d or d.get(key) != j * 1000:
                bad.append(key)
            n += 1
        if d.get("missing") is not None or "missing" in d:
            bad.append("missing")
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
# each writer's own keys replayed on one thread give the expected survivors
mine = {}
for i in range(2000):
    mine[i] = i
    if i % 2 == 0:
        del mine[i]
    if i % 3 == 0:
        mine.pop(i - 1 if i % 2 == 0 else i, None)
expected = 200 + 8 * len(mine)
print(len(d), len(d) == expected, bad, out)
print(all(d["k%d" % j] == j * 1000 for j in range(200)))
