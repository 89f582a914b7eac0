# Inline attribute caches while other threads modify the class: readers
# only ever see one of the values the class held, and every reader sees the
# final state once the writers are done.
import threading

class Base:
    pass

class C(Base):
    def __init__(self):
        self.y = "inst"
    def m(self):
        return 1
    x = 10

def m2(self):
    return 2

ALLOWED_M = {1, 2}
ALLOWED_X = {10, 20, "prop"}
ALLOWED_Y = {"inst", "base-prop"}

def reader(o, bad, stop):
    n = 0
    while not stop.is_set() or n < 500:
        if o.m() not in ALLOWED_M:
            bad.append("m")
        if o.x not in ALLOWED_X:
            bad.append("x")
        if o.y not in ALLOWED_Y:
            bad.append("y")
        n += 1

def writer(rounds, wid):
    for i in range(rounds):
        C.m = m2 if i % 2 == 0 else (lambda self: 1)
        type.__setattr__(C, "x", 20 if i % 3 else property(lambda self: "prop"))
        if wid == 0 and i % 4 == 0:
            Base.y = property(lambda self: "base-prop")
        elif wid == 0 and i % 4 == 2:
            del Base.y

bad = []
stop = threading.Event()
objs = [C() for _ in range(4)]
readers = [threading.Thread(target=reader, args=(o, bad, stop)) for o in objs]
writers = [threading.Thread(target=writer, args=(100, w)) for w in range(2)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop.set()
for t in readers:
    t.join()
print("bad values seen:", len(bad))

# final state, seen through the same call sites by every thread
C.m = m2
C.x = 20
if "y" in Base.__dict__:
    del Base.y
results = []
def final(o):
    results.append((o.m(), o.x, o.y))
ts = [threading.Thread(target=final, args=(o,)) for o in objs]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(set(results)))
