# four threads sleeping 0.25 s each overlap: together they take well under the 1 s
# they would need one after the other (the bound leaves room for a loaded machine)
import threading, time
def io_task(results, i):
    time.sleep(0.25)
    results[i] = i * 10
results = [None] * 4
start = time.monotonic()
ts = [threading.Thread(target=io_task, args=(results, i)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - start
print(results)
print("overlapped" if elapsed < 0.75 else "serialised")
