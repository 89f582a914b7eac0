# producer/consumer with sleeps; only counts and order are printed
import threading, queue, time
q = queue.Queue()
consumed = []
def producer():
    for i in range(10):
        time.sleep(0.005)
        q.put(i)
    q.put(None)
def consumer():
    while (item := q.get()) is not None:
        consumed.append(item)
        time.sleep(0.002)
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print(consumed, q.empty())
