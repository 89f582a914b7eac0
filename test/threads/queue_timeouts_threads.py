import queue, threading, time
q = queue.Queue(maxsize=1)
q.put("first")
res = []
def late_get():
    time.sleep(0.05)
    res.append(q.get())
t = threading.Thread(target=late_get)
t.start()
q.put("second", timeout=10)
t.join()
print(res, q.get_nowait(), q.empty())
e = queue.Queue()
def late_put():
    time.sleep(0.05)
    e.put("arrived")
t = threading.Thread(target=late_put)
t.start()
print(e.get(timeout=10))
t.join()
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
