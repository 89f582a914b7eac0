# results gathered by index are independent of finishing order
import threading, time
results = [None] * 6
def work(i):
    time.sleep(0.002 * (6 - i))
    results[i] = i * i
ts = [threading.Thread(target=work, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in reversed(ts): t.join()
print(results)
