from concurrent.futures import ThreadPoolExecutor, Future
import threading
log = []
lock = threading.Lock()
def cb(f):
    with lock:
        log.append(f.result())
with ThreadPoolExecutor(max_workers=2) as ex:
    for i in range(5):
        ex.submit(lambda v=i: v * v).add_done_callback(cb)
print(sorted(log))
f = Future()
f.add_done_callback(lambda fut: print("callback sees", fut.result()))
f.set_result(42)
print(f.done(), f.result())
f2 = Future()
print(f2.cancel(), f2.cancelled())
