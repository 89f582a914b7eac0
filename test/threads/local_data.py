import threading
data = threading.local()
data.value = "main"
seen = {}
def worker(i):
    print_missing = not hasattr(data, "value")
    data.value = i
    seen[i] = (print_missing, data.value)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen.items()), data.value)
class MyLocal(threading.local):
    def __init__(self):
        self.initialized = threading.current_thread().name
loc = MyLocal()
names = []
t = threading.Thread(target=lambda: names.append(loc.initialized), name="T-local")
t.start(); t.join()
print(names, loc.initialized)
