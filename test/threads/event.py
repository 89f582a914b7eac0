import threading
e = threading.Event()
print(e.is_set(), e.wait(0.01))
results = []
def waiter(i):
    results.append((i, e.wait(timeout=10)))
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts: t.start()
e.set()
for t in ts: t.join()
print(sorted(results), e.is_set(), e.wait())
e.clear()
print(e.is_set(), e.wait(timeout=0))
