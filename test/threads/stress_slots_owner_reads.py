# __slots__ members hammered by 7 writer threads while the objects' owner
# (the main thread, which reads its own objects' slots without the lock in
# the free-threaded build) and other threads read them.  Every value written
# is a fresh list whose contents check themselves, so a read of a replaced
# and freed value would show up as a wrong sum or a crash.
import threading

class P:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [0, 0]
        self.b = [0, 0]

objs = [P() for _ in range(4)]
N_WRITERS = 7
ROUNDS = 20000
start = threading.Barrier(N_WRITERS + 2)
done = threading.Event()
bad = []

def writer(k):
    start.wait()
    for r in range(ROUNDS):
        o = objs[r % len(objs)]
        v = [k * 100000 + r, -(k * 100000 + r)]
        if r % 2:
            o.a = v
        else:
            o.b = v
        if r % 97 == 0:
            setattr(o, "a", [r, -r])      # the generic path (PyMember_SetOne)

def check(v, where):
    if type(v) is not list or len(v) != 2 or v[0] + v[1] != 0:
        bad.append(where)

def reader():
    start.wait()
    n = 0
    while not done.is_set():
        for o in objs:
            check(o.a, "reader a")
            check(o.b, "reader b")
            n += 1
    return n

writers = [threading.Thread(target=writer, args=(k,)) for k in range(N_WRITERS)]
other = threading.Thread(target=reader)
for t in writers:
    t.start()
other.start()
start.wait()
owner_reads = 0
while any(t.is_alive() for t in writers) or owner_reads < 1000:
    for o in objs:
        check(o.a, "owner a")
        check(getattr(o, "b"), "owner b")
        owner_reads += 1
for t in writers:
    t.join()
done.set()
other.join()
# Deletion and re-creation of a slot while others have stopped.
o = objs[0]
del o.a
try:
    o.a
except AttributeError as e:
    print("deleted:", e)
o.a = [1, -1]
print("bad reads:", len(bad), bad[:3])
print("final values consistent:", all(x.a[0] + x.a[1] == 0 and x.b[0] + x.b[1] == 0 for x in objs))
print("owner read at least 1000:", owner_reads >= 1000)
