class Empty:
    def __len__(self): return 0
class Full:
    def __len__(self): return 5
print(bool(Empty()), bool(Full()), not Empty(), "yes" if Full() else "no")
class Weird:
    def __bool__(self):
        raise ValueError("no truth")
try:
    if Weird(): pass
except ValueError as e:
    print("ValueError", e)
try:
    not Weird()
except ValueError:
    print("not also calls __bool__")
print([x for x in [Empty(), Full(), Empty()] if x].__len__())
