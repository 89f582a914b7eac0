# threads read module globals and builtins in a loop while others create and
# delete globals (so the module dict resizes under them)
import threading

CONST = 42
NAMES = ("alpha", "beta")
stop = threading.Event()
bad = []

def reader(out):
    n = 0
    while not stop.is_set():
        if CONST != 42 or len(NAMES) != 2 or NAMES[0] != "alpha":
            bad.append("global")
        if not isinstance(n, int) or abs(-3) != 3:
            bad.append("builtin")
        n += 1
    out.append(n > 0)

def writer(k):
    g = globals()
    for i in range(1500):
        g["tmp_%d_%d" % (k, i)] = i
        if i % 2 == 0:
            del g["tmp_%d_%d" % (k, i)]

out = []
rs = [threading.Thread(target=reader, args=(out,)) for _ in range(3)]
ws = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
for t in rs + ws:
    t.start()
for t in ws:
    t.join()
stop.set()
for t in rs:
    t.join()
left = [name for name in globals() if name.startswith("tmp_")]
print(len(left), bad, out)
