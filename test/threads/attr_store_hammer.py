# Eight threads store instance attributes of one object (values replaced in
# place through the attribute cache, new keys inserted, keys deleted and
# popped) while four others load them and call a method the instance dict
# sometimes shadows.  Every load must see a value some writer stored; each
# writer's own counter attribute must end exact.  Run twice: the object
# created by the main thread (foreign to every worker) and by a worker that
# also reads it (the owner's lock-free path, other threads writing).
import threading

N = 3000
WRITERS = 8
READERS = 4


class Obj:
    def __init__(self):
        self.shared = 0
        for t in range(WRITERS):
            setattr(self, "w%d" % t, 0)

    def m(self):
        return "method"


def writer(o, t, barrier):
    name = "w%d" % t
    barrier.wait()
    for i in range(N):
        setattr(o, name, getattr(o, name) + 1)
        o.shared = t * N + i
        if t == 0:
            if i % 3 == 0:
                o.m = "shadow"
            elif i % 3 == 1:
                o.__dict__.pop("m", None)   # popitem (thread 1) may have taken it
        elif t == 1:
            o.__dict__["tmp%d" % (i % 5)] = i
            if i % 2:
                o.__dict__.popitem()       # the last entry: never a w* key
        elif t == 2 and i % 50 == 0:
            for k in range(12):            # grows the dict: resizes
                setattr(o, "g%d_%d" % (i, k), k)
            for k in range(12):
                o.__dict__.pop("g%d_%d" % (i, k), None)   # (popitem too)


def reader(o, bad, barrier):
    barrier.wait()
    b = 0
    for i in range(N):
        s = o.shared
        if not (0 <= s < WRITERS * N):
            b += 1
        w = o.w3
        if not (0 <= w <= N):
            b += 1
        m = o.m
        if m != "shadow" and (not callable(m) or m() != "method"):
            b += 1
    bad.append(b)


def run(o, owner_reads):
    barrier = threading.Barrier(WRITERS + READERS + (1 if owner_reads else 0))
    bad = []
    ts = [threading.Thread(target=writer, args=(o, t, barrier)) for t in range(WRITERS)]
    ts += [threading.Thread(target=reader, args=(o, bad, barrier)) for _ in range(READERS)]
    for t in ts:
        t.start()
    if owner_reads:
        reader(o, bad, barrier)
    for t in ts:
        t.join()
    counts = [getattr(o, "w%d" % t) for t in range(WRITERS)]
    print("counters exact:", counts == [N] * WRITERS)
    print("bad reads:", sum(bad), "readers:", len(bad))
    print("leftover growth keys:", [k for k in o.__dict__ if k.startswith("g")])


run(Obj(), False)

# The object is owned by a worker thread, which reads it while others write.
def owner_main():
    run(Obj(), True)


t = threading.Thread(target=owner_main)
t.start()
t.join()
