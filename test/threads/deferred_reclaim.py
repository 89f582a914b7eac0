# Deferred reference counting (free-threaded build): functions, code objects,
# classes and modules made and dropped in a loop are reclaimed by the
# collector, stay alive while another thread still uses them, and memory
# stays flat.  The default build frees them by refcounting: same output.
import gc, sys, threading, weakref

# Functions, classes, modules and code made and dropped in a loop are
# reclaimed: by refcounting in the default build, by the collector when their
# counts are deferred (free-threaded build).
def make_fn(i):
    ns = {}
    exec("def f(x):\n    return x + %d\n" % i, ns)
    return ns["f"]

refs = []
for i in range(200):
    f = make_fn(i)
    assert f(1) == i + 1
    refs.append(weakref.ref(f))
    refs.append(weakref.ref(f.__code__))
    del f
gc.collect()
print("functions+code alive:", sum(r() is not None for r in refs))

crefs = []
for i in range(200):
    C = type("C%d" % i, (object,), {"m": lambda self: 1})
    assert C().m() == 1
    crefs.append(weakref.ref(C))
    del C
gc.collect()
print("classes alive:", sum(r() is not None for r in crefs))

mrefs = []
for i in range(50):
    m = type(sys)("mod%d" % i)
    m.x = i
    mrefs.append(weakref.ref(m))
    del m
gc.collect()
print("modules alive:", sum(r() is not None for r in mrefs))

# Referenced from other threads' counts while alive, reclaimed after.
def worker(fn, out, k):
    s = 0
    for i in range(2000):
        s += fn(i)
    out[k] = s

out = [0, 0]
fn = make_fn(7)
wr = weakref.ref(fn)
ts = [threading.Thread(target=worker, args=(fn, out, k)) for k in range(2)]
for t in ts:
    t.start()
gc.collect()   # while the threads may be running: fn must stay alive
print("alive while in use:", wr() is not None)
for t in ts:
    t.join()
print(out)
gc.collect()
print("alive while referenced:", wr() is not None)
del fn
gc.collect()
print("alive after del:", wr() is not None)

# A function still referenced only by a running thread survives collections.
def runner(box, res):
    g = box.pop()
    for _ in range(3):
        gc.collect()
    res.append(g(1))

box = [make_fn(41)]
res = []
t = threading.Thread(target=runner, args=(box, res))
t.start()
t.join()
gc.collect()
print("runner result:", res)

# Memory stays flat: many generations of classes and functions.
def churn():
    for i in range(300):
        ns = {}
        exec("class K:\n    def m(self):\n        return 1\ndef g():\n    return K().m()\n", ns)
        assert ns["g"]() == 1
gc.collect()
before = len(gc.get_objects())
for _ in range(5):
    churn()
gc.collect()
after = len(gc.get_objects())
print("tracked objects grew by less than 100:", after - before < 100)
