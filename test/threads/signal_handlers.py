# expected: python3.13 (same output as 3.11)
# signal.signal handlers run in the main thread; SIGINT raises KeyboardInterrupt
# even while the main thread waits on a lock or a join.
import os, signal, threading, time

got = []
def on_usr1(signum, frame):
    got.append(("usr1", signum == signal.SIGUSR1, threading.current_thread() is threading.main_thread()))

old = signal.signal(signal.SIGUSR1, on_usr1)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is on_usr1)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(100):
    if got:
        break
    time.sleep(0.01)
print(got)

# A signal sent from another thread is still handled by the main thread.
def sender():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
t = threading.Thread(target=sender)
t.start()
t.join()
for _ in range(100):
    if len(got) == 2:
        break
    time.sleep(0.01)
print(got[-1])

# Ctrl-C while blocked on a lock that nobody will release.  The interrupter
# waits until the main thread is past Thread.start() (a SIGINT inside it would
# escape the try below on a slow, loaded or sanitised run).
lock = threading.Lock()
lock.acquire()
armed = threading.Event()
def interrupter():
    armed.wait()
    time.sleep(0.1)
    signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
threading.Thread(target=interrupter).start()
armed.set()
try:
    lock.acquire()
    print("acquired?!")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting on a lock")

# ... and while joining a thread.
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
armed.clear()
threading.Thread(target=interrupter).start()
armed.set()
try:
    worker.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt while joining")
stop.set()
worker.join()

# Handlers are restored; SIG_IGN ignores.
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.05)
print(len(got), signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, old)
try:
    signal.signal(signal.SIGKILL, on_usr1)
except OSError as e:
    print("OSError", e.errno)
def not_main():
    try:
        signal.signal(signal.SIGUSR1, on_usr1)
    except ValueError as e:
        print("ValueError:", e)
t = threading.Thread(target=not_main); t.start(); t.join()
print(signal.SIGINT, repr(signal.SIGTERM), signal.default_int_handler)

# _thread.interrupt_main() interrupts a busy main thread.
import _thread
def poke():
    time.sleep(0.05)
    _thread.interrupt_main()
threading.Thread(target=poke).start()
try:
    n = 0
    while True:
        n += 1
except KeyboardInterrupt:
    print("interrupt_main: KeyboardInterrupt in a busy loop")
