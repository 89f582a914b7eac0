# eight threads sleeping 0.5 s each overlap: together they take well under the 4 s
# they would need one after the other (the bound leaves room for a heavily loaded machine)
import threading, time
def io_task(results, i):
    time.sleep(0.5)
    results[i] = i * 10
results = [None] * 8
start = time.monotonic()
ts = [threading.Thread(target=io_task, args=(results, i)) for i in range(8)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - start
print(results)
print("overlapped" if elapsed < 2.5 else "serialised")
