import threading
lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(blocking=False), lock.acquire(timeout=0.05))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError", e)
got = []
lock.acquire()
t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.05)))
t.start(); t.join()
print(got)
lock.release()
t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=5)))
t.start(); t.join()
print(got, lock.locked())
print(type(threading.Lock()).__name__ in ("lock", "Lock"))
