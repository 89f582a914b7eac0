import threading
errors = []
lock = threading.Lock()
def hook(args):
    with lock:
        errors.append(type(args.exc_value).__name__)
threading.excepthook = hook
def bad(i):
    if i % 2:
        raise ValueError(i)
    return [][i]
ts = [threading.Thread(target=bad, args=(i,)) for i in range(20)]
for t in ts: t.start()
for t in ts: t.join()
print(len(errors), sorted(set(errors)), errors.count("ValueError"))
