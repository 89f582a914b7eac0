# 8 threads append, pop, insert, remove and overwrite items of one list while
# 3 others index it, iterate it and search it; the final contents are exact
import threading

lst = list(range(100))
stop = threading.Event()
bad = []
ROUNDS = 1500

def writer(k):
    for i in range(ROUNDS):
        lst.append((k, i))
        if i % 2:
            lst.pop()                      # someone's tuple: the count stays exact
        lst[k] = k                         # same value, fresh store
        if i % 5 == 0:
            lst.insert(50, ("ins", k))
            lst.remove(("ins", k))
        if i % 7 == 0:
            lst[k + 10] = k + 10

def reader(out):
    seen = 0
    while not stop.is_set():
        n = len(lst)
        for i in (0, 3, 49, 50, 99, n - 1, n + 5, -1):
            try:
                x = lst[i]
            except IndexError:
                continue
            if not isinstance(x, (int, tuple)):
                bad.append(("index", i, x))
            seen += 1
        for x in lst:
            if x is None:
                bad.append("iter None")
        if 3 not in lst or lst[:3] != [0, 1, 2]:
            bad.append("head changed")
    out.append(seen > 0)

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
tuples = [x for x in lst if isinstance(x, tuple)]
print(len(lst), len(tuples), lst[:100] == list(range(100)), bad, out)
print(all(x[0] != "ins" for x in tuples))
