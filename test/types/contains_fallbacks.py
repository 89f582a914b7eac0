class ViaIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in ViaIter())
class ViaGetitem:
    def __getitem__(self, i):
        if i > 4: raise IndexError
        return i * 2
print(8 in ViaGetitem(), 7 in ViaGetitem())
class NoneContains:
    __contains__ = None
try:
    1 in NoneContains()
except TypeError as e:
    print("TypeError", e)
class NoIterLen:
    __iter__ = None
try:
    iter(NoIterLen())
except TypeError as e:
    print("TypeError", e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
