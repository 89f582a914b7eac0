import threading
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name, args.exc_traceback is not None))
old = threading.excepthook
threading.excepthook = hook
def f(): raise KeyError("k")
ts = [threading.Thread(target=f, name=f"t{i}") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen))
threading.excepthook = old
def quit_thread():
    raise SystemExit(5)
t = threading.Thread(target=quit_thread)
t.start(); t.join()
print("SystemExit in a thread is silent", threading.__excepthook__ is old)
