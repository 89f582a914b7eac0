import threading, time
c = threading.Condition()
with c:
    start = time.monotonic()
    r = c.wait(timeout=0.05)
    waited = time.monotonic() - start
print(r, waited >= 0.04)
with c:
    print(c.wait_for(lambda: False, timeout=0.02), c.wait_for(lambda: 5, timeout=0))
flag = []
def setter():
    time.sleep(0.02)
    with c:
        flag.append(1)
        c.notify_all()
t = threading.Thread(target=setter)
t.start()
with c:
    print(c.wait_for(lambda: flag, timeout=10))
t.join()
