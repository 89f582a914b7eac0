# A thread blocked in select.select(), poll.poll() or os.read() on a pipe does
# not hold up the others: the main thread runs Python code meanwhile and then
# wakes the waiters by writing.  A signal handler runs while the main thread
# waits in select() and the wait goes on afterwards (PEP 475); Ctrl-C
# (SIGINT) interrupts a select() with KeyboardInterrupt.
import os
import select
import signal
import threading
import time

r, w = os.pipe()
r2, w2 = os.pipe()
r3, w3 = os.pipe()
results = {}

def via_select():
    results['select'] = select.select([r], [], [], 30)[0] == [r]

def via_poll():
    p = select.poll()
    p.register(r2, select.POLLIN)
    results['poll'] = [fd for fd, ev in p.poll(30000)] == [r2]

def via_read():
    results['read'] = os.read(r3, 10)

threads = [threading.Thread(target=f) for f in (via_select, via_poll, via_read)]
for t in threads:
    t.start()
# Meanwhile the main thread computes: with a GIL held by a waiter this would hang.
total = sum(i * i for i in range(200000))
time.sleep(0.05)
os.write(w, b'a')
os.write(w2, b'b')
os.write(w3, b'c')
for t in threads:
    t.join(30)
print(total, sorted(results.items()))
os.read(r, 10)
os.read(r2, 10)

# A handler runs during a select() with a timeout; the select then finishes.
fired = []
signal.signal(signal.SIGUSR1, lambda signum, frame: fired.append(signum))
threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGUSR1)).start()
t0 = time.monotonic()
ready = select.select([r], [], [], 0.5)
waited = time.monotonic() - t0
print("handler ran:", fired == [signal.SIGUSR1], "select result:", ready == ([], [], []),
      "waited the whole timeout:", waited >= 0.45)

# SIGINT while blocked: KeyboardInterrupt in the main thread.
threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    select.select([r], [], [])
    print("no interrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
