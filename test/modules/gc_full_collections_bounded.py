# expected: python3.13
# Building a long chain of 200000 live objects must not run a full
# collection every few thousand allocations (each full one walks every
# object: quadratic).  The free-threaded build, which has only full
# collections, waits for new allocations to reach a quarter of the
# survivors, as CPython's does.
import gc
full = [0]
def cb(phase, info):
    if phase == 'start' and info['generation'] == 2:
        full[0] += 1
gc.callbacks.append(cb)
class Node:
    def __init__(self, child):
        self.child = child
head = None
for _ in range(100000):
    head = Node(Node(head))
gc.callbacks.remove(cb)
print("full collections while building:", "few" if full[0] < 40 else full[0])
n = 0
while head is not None:
    head = head.child
    n += 1
print(n)
