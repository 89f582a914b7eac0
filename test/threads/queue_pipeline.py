# producer -> transformer -> consumer stages connected by queues
import queue, threading
q1, q2 = queue.Queue(maxsize=5), queue.Queue(maxsize=5)
STOP = object()
out = []
def produce():
    for i in range(50):
        q1.put(i)
    q1.put(STOP)
def transform():
    while (v := q1.get()) is not STOP:
        q2.put(v * v)
    q2.put(STOP)
def consume():
    while (v := q2.get()) is not STOP:
        out.append(v)
ts = [threading.Thread(target=f) for f in (produce, transform, consume)]
for t in ts: t.start()
for t in ts: t.join()
print(len(out), out[:5], sum(out), out == sorted(out))
