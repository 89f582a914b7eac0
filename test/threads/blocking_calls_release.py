# Blocking calls let other threads run: a thread blocked in os.read on an
# empty pipe, in Lock.acquire, in Event.wait, in time.sleep or in a queue get
# must not keep the GIL, or the thread that would wake it could never run
# (the script would hang).  Each waiter is woken by work done in another
# thread after the waiter is known to be blocked (a handshake, not a delay).
import os
import queue
import threading
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


# 1. os.read on a pipe: the main thread computes, then writes.
r, w = os.pipe()
got = []
reading = threading.Event()


def reader():
    reading.set()
    got.append(os.read(r, 100))


t = threading.Thread(target=reader)
t.start()
reading.wait()
work = fib(18)
os.write(w, b"fib=%d" % work)
t.join()
os.close(r)
os.close(w)
print("pipe read:", got)

# 2. A lock held by main; a waiter blocks on it while two workers compute.
lock = threading.Lock()
lock.acquire()
order = []


def waiter():
    with lock:
        order.append("waiter got the lock")


def worker(k):
    order.append(("worker", k, fib(15)))


wt = threading.Thread(target=waiter)
wt.start()
workers = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for x in workers:
    x.start()
for x in workers:
    x.join()
lock.release()
wt.join()
print("workers ran while the waiter was blocked:", sorted(map(str, order[:2])))
print("then:", order[2])

# 3. Event.wait and queue.get blocked, woken by a thread that computes first.
ev = threading.Event()
q = queue.Queue()
woken = []


def event_waiter():
    ev.wait()
    woken.append("event")


def queue_waiter():
    woken.append(("queue", q.get()))


ws = [threading.Thread(target=event_waiter), threading.Thread(target=queue_waiter)]
for x in ws:
    x.start()


def waker():
    value = fib(16)
    q.put(value)
    ev.set()


wk = threading.Thread(target=waker)
wk.start()
for x in ws + [wk]:
    x.join()
print("woken:", sorted(map(str, woken)))

# 4. time.sleep: the spinner's count advances while the sleeper sleeps.
count = [0]
progress = []
done = threading.Event()
spinning = threading.Event()


def sleeper():
    spinning.wait()
    before = count[0]
    time.sleep(0.05)
    progress.append(count[0] > before)
    done.set()


def spinner():
    spinning.set()
    while not done.is_set():
        count[0] += 1


s1 = threading.Thread(target=spinner)
s2 = threading.Thread(target=sleeper)
s1.start()
s2.start()
s1.join()
s2.join()
print("spinner ran during the sleep:", progress)
