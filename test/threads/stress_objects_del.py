# objects created and dropped in many threads are each finalised once
import threading, gc
count = 0
lock = threading.Lock()
class Tracked:
    def __init__(self, payload): self.payload = payload
    def __del__(self):
        global count
        with lock:
            count += 1
shared = []
def churn(k):
    for i in range(2000):
        o = Tracked([k, i])
        if i % 10 == 0:
            with lock:
                shared.append(o)
ts = [threading.Thread(target=churn, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
gc.collect()
print(count, len(shared))
shared.clear()
gc.collect()
print(count)
