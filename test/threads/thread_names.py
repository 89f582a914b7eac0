import threading
def target(): pass
class Worker(threading.Thread): pass
a = threading.Thread(target=target)
b = threading.Thread()
c = Worker()
d = threading.Thread(target=target, name="custom")
print(a.name, b.name, c.name, d.name)
a.name = "renamed"
print(a.name, a.getName() if False else a.name)
print(threading.current_thread().name, threading.main_thread().name, threading.current_thread() is threading.main_thread())
seen = []
t = threading.Thread(target=lambda: seen.append((threading.current_thread().name, threading.current_thread() is threading.main_thread())), name="inner")
t.start(); t.join()
print(seen)
