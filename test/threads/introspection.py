import threading
print(threading.active_count(), [t.name for t in threading.enumerate()])
ev = threading.Event()
ts = [threading.Thread(target=ev.wait, name=f"w{i}") for i in range(3)]
for t in ts: t.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
idents = set()
lk = threading.Lock()
bar = threading.Barrier(3)
def rec():
    with lk:
        idents.add(threading.get_ident())
    bar.wait()
rs = [threading.Thread(target=rec) for _ in range(3)]
for t in rs: t.start()
for t in rs: t.join()
print(len(idents), threading.get_ident() not in idents, isinstance(threading.get_native_id(), int))
ev.set()
for t in ts: t.join()
print(threading.active_count(), threading.main_thread() in threading.enumerate())
print(threading.TIMEOUT_MAX > 0)
