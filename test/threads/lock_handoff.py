# a lock released by one thread is acquired by a waiter in another
import threading
lock = threading.Lock()
order = []
lock.acquire()
def waiter():
    with lock:
        order.append("waiter got lock")
t = threading.Thread(target=waiter)
t.start()
order.append("main releasing")
lock.release()
t.join()
print(order)
# a plain Lock may be released by a thread that did not acquire it
l2 = threading.Lock()
l2.acquire()
t = threading.Thread(target=l2.release)
t.start(); t.join()
print(l2.locked())
