import threading
class Obj: pass
o = Obj()
lock = threading.Lock()
o.total = 0
def mutate(k):
    for i in range(3000):
        setattr(o, f"a{k}_{i % 50}", i)
        with lock:
            o.total += 1
        getattr(o, f"a{(k + 1) % 8}_{i % 50}", None)
ts = [threading.Thread(target=mutate, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
names = [n for n in vars(o) if n.startswith("a")]
print(len(names), o.total, all(getattr(o, f"a{k}_{j}") == 2950 + j for k in range(8) for j in range(50)))
