# Articles' scenario ("How the GIL works", "counter += 1 from two threads"): two
# threads each add 1 to a global counter.  Under a GIL a switch happens only
# between loop iterations, so the count is exact; without a GIL the unlocked
# read-modify-write may lose updates (as in CPython 3.13t) but never corrupts
# the interpreter.  With a lock the count is exact in both builds.
import sys
import threading


N = 100000
gil = getattr(sys, "_is_gil_enabled", lambda: True)()

counter = 0


def increment():
    global counter
    for _ in range(N):
        counter += 1


t1 = threading.Thread(target=increment)
t2 = threading.Thread(target=increment)
t1.start()
t2.start()
t1.join()
t2.join()
if gil:
    print("unlocked counter as this build guarantees:", counter == 2 * N)
else:
    print("unlocked counter as this build guarantees:", 0 < counter <= 2 * N)

locked_counter = 0
lock = threading.Lock()


def increment_locked():
    global locked_counter
    for _ in range(N):
        with lock:
            locked_counter += 1


ts = [threading.Thread(target=increment_locked) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(f"Counter value: {locked_counter}")
