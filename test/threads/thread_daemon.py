import threading, time
print(threading.current_thread().daemon)
t = threading.Thread(target=time.sleep, args=(60,), daemon=True)
t.start()
print(t.daemon, t.is_alive())
inner = []
def spawn():
    c = threading.Thread(target=lambda: None)
    inner.append(c.daemon)
d = threading.Thread(target=spawn, daemon=True)
d.start(); d.join()
print(inner)
print("main exits without waiting for the daemon")
