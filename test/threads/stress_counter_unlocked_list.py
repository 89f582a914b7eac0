# list.append and dict updates from many threads never lose items
import threading
results = []
counts = {}
clock = threading.Lock()
def work(k):
    for i in range(2000):
        results.append(i)
        with clock:
            counts[k] = counts.get(k, 0) + 1
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(results), sum(results) == 8 * sum(range(2000)), sorted(counts.values()) == [2000] * 8)
