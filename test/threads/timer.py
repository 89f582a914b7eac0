import threading, time
fired = []
t = threading.Timer(0.05, fired.append, args=("fired",))
t.start()
t.join()
print(fired)
c = threading.Timer(5, fired.append, args=("never",))
c.start()
c.cancel()
c.join(timeout=10)
print(fired, c.is_alive())
k = threading.Timer(0.01, lambda **kw: fired.append(kw), kwargs={"k": 1})
k.start(); k.join()
print(fired)
