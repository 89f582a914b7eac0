# __slots__ attributes shared between threads: a value written by one thread
# is seen by the others, and readers racing with writers that replace (and so
# free) the previous value always get a live object, never a spurious
# AttributeError.  Regression test for the free-threaded build.
import threading


class Box:
    __slots__ = ("value", "done", "payload")

    def __init__(self):
        self.value = 0
        self.done = False


box = Box()
N = 20000


def writer():
    for i in range(1, N + 1):
        box.value = i
        # a fresh list each time: the previous one dies when replaced
        box.payload = [i, i]
    box.done = True


last_seen = []
bad = []


def reader():
    prev = 0
    while not box.done:
        v = box.value
        if v < prev:
            bad.append(("went back", prev, v))
        prev = v
        p = getattr(box, "payload", None)
        if p is not None and (len(p) != 2 or p[0] != p[1]):
            bad.append(("torn payload", p))
    last_seen.append(box.value)


readers = [threading.Thread(target=reader) for _ in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
for t in readers:
    t.join()
print("final value seen by every reader:", last_seen == [N] * 3)
print("anomalies:", bad)

# Several threads set and delete the same slot: each delete either removes
# a value or reports it missing; nothing is lost or freed twice.
class Cell:
    __slots__ = ("item",)


cell = Cell()
counts = {"deleted": 0, "missing": 0}
lock = threading.Lock()


def churn(k):
    deleted = missing = 0
    for i in range(3000):
        cell.item = (k, i)
        try:
            del cell.item
            deleted += 1
        except AttributeError:
            missing += 1
    with lock:
        counts["deleted"] += deleted
        counts["missing"] += missing


ts = [threading.Thread(target=churn, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("set/delete attempts:", counts["deleted"] + counts["missing"])
print("some deletes succeeded:", counts["deleted"] > 0)
print("slot empty at the end:", not hasattr(cell, "item"))
