# The collector on a large live heap: a long chain survives many automatic
# collections intact, frozen objects stay out of collections and come back
# with unfreeze, and cycles made among them are all found.
import gc

class Node:
    def __init__(self, child):
        self.child = child

head = None
for i in range(60000):
    head = Node(head)
    head.i = i

n, node = 0, head
while node is not None:
    n += 1
    node = node.child
print("chain intact:", n, head.i)

gc.collect()
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)

class Cyc:
    pass

def make_cycles(k):
    for _ in range(k):
        a, b = Cyc(), Cyc()
        a.other, b.other = b, a

gc.disable()
make_cycles(5000)
found = gc.collect()
print("cycles found:", found >= 10000)
gc.unfreeze()
print("unfrozen:", gc.get_freeze_count())
gc.enable()
make_cycles(100)
print("collect after unfreeze:", gc.collect() >= 200)
n, node = 0, head
while node is not None:
    n += 1
    node = node.child
print("chain still intact:", n)
