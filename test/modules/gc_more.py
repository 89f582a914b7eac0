import gc
events = []
def cb(phase, info):
    events.append(phase)
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events[:2], "generation" in str(sorted(gc.get_stats()[0].keys())) or True)
print(len(gc.get_stats()), isinstance(gc.get_objects(), list), len(gc.get_objects()) > 0)
class Node:
    def __init__(self): self.ref = self
before = gc.collect()
for _ in range(100):
    Node()
found = gc.collect()
print(found >= 100)
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old, gc.garbage)
print(gc.is_finalized(object()) if hasattr(gc, "is_finalized") else False)
