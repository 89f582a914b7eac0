import threading
out = {}
def work(key, n, scale=1):
    out[key] = sum(range(n)) * scale
t1 = threading.Thread(target=work, args=("a", 10))
t2 = threading.Thread(target=work, args=("b", 100), kwargs={"scale": 2}, name="worker-b")
print(t1.name.startswith("Thread-"), t2.name, t1.is_alive(), t1.ident is None)
t1.start(); t2.start()
t1.join(); t2.join()
print(sorted(out.items()), t1.is_alive(), t2.is_alive(), isinstance(t1.ident, int))
try:
    t1.start()
except RuntimeError as e:
    print("RuntimeError", e)
t3 = threading.Thread(target=lambda: None)
try:
    t3.join()
except RuntimeError as e:
    print("RuntimeError", e)
print(threading.Thread(target=print).daemon, threading.Thread(target=print, daemon=True).daemon)
