class Box:
    def __init__(self, items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
b = Box([1, 2])
print(len(b), bool(b), bool(Box([])), 2 in b, 3 not in b)
class BoolOverLen:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolOverLen()))
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class IterOnly:
    def __iter__(self): return iter([5, 6])
print(6 in IterOnly(), 7 in IterOnly())
