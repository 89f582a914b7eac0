# the article's demo: counter += 1 from two threads, made exact with a lock
import threading
counter = 0
lock = threading.Lock()
def increment(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
t1 = threading.Thread(target=increment, args=(100000,))
t2 = threading.Thread(target=increment, args=(100000,))
t1.start(); t2.start(); t1.join(); t2.join()
print(counter)
