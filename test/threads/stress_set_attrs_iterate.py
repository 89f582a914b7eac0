# threads set attributes on one object while others iterate over its __dict__
import threading
class Bag: pass
bag = Bag()
stop = threading.Event()
errors = []
def setter(k):
    for i in range(2000):
        setattr(bag, f"k{k}_{i % 100}", i)
def iterator():
    while not stop.is_set():
        try:
            for name, value in list(vars(bag).items()):
                if not isinstance(value, int):
                    errors.append(name)
        except RuntimeError:
            errors.append("RuntimeError")
ws = [threading.Thread(target=setter, args=(k,)) for k in range(6)]
rs = [threading.Thread(target=iterator) for _ in range(2)]
for t in rs + ws: t.start()
for t in ws: t.join()
stop.set()
for t in rs: t.join()
print(len(vars(bag)), errors, all(getattr(bag, f"k{k}_{j}") == 1900 + j for k in range(6) for j in range(100)))
