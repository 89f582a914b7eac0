# a semaphore limits a "connection pool" to 3 concurrent users
import threading, time
pool = threading.BoundedSemaphore(3)
lock = threading.Lock()
inside, max_inside, served = 0, 0, 0
def client():
    global inside, max_inside, served
    with pool:
        with lock:
            inside += 1
            max_inside = max(max_inside, inside)
        time.sleep(0.005)
        with lock:
            inside -= 1
            served += 1
ts = [threading.Thread(target=client) for _ in range(12)]
for t in ts: t.start()
for t in ts: t.join()
print(served, max_inside <= 3, inside)
