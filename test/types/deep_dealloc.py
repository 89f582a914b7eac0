# Freeing very long chains of instances must not overflow the C stack, and
# every __del__ along the chain still runs exactly once.
class Node:
    def __init__(self, child):
        self.child = child
class Slotted:
    __slots__ = ("child",)
    def __init__(self, child):
        self.child = child
deleted = 0
class Counted:
    def __init__(self, child):
        self.child = child
    def __del__(self):
        global deleted
        deleted += 1
for cls in (Node, Slotted, Counted):
    head = None
    for _ in range(200000):
        head = cls(head)
    del head
    print(cls.__name__, "freed")
print(deleted)
chain = None
for i in range(100000):
    chain = [chain, {"i": i}]
del chain
print("lists and dicts freed")
