import threading
r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
def recursive(n):
    with r:
        return 0 if n == 0 else 1 + recursive(n - 1)
print(recursive(50))
r.acquire()
res = []
t = threading.Thread(target=lambda: res.append(r.acquire(timeout=0.05)))
t.start(); t.join()
print(res)
def foreign_release():
    try:
        r.release()
    except RuntimeError as e:
        res.append("RuntimeError")
t = threading.Thread(target=foreign_release)
t.start(); t.join()
print(res)
r.release()
