import threading
b = threading.BoundedSemaphore(2)
b.acquire(); b.acquire()
print(b.acquire(blocking=False))
b.release(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
with b:
    print("inside")
print(b.acquire(blocking=False), b.acquire(blocking=False), b.acquire(blocking=False))
