# recursive locking from several threads protects a compound update
import threading
r = threading.RLock()
data = {"items": [], "count": 0}
def add(v):
    with r:
        data["items"].append(v)
        bump()
def bump():
    with r:
        data["count"] += 1
ts = [threading.Thread(target=lambda k=k: [add(k * 1000 + i) for i in range(500)]) for k in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(len(data["items"]), data["count"], len(set(data["items"])))
