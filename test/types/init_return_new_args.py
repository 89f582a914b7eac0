class R:
    def __init__(self): return 5
try:
    R()
except TypeError as e:
    print("TypeError", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)
class OnlyNew:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.args = a
        return o
print(OnlyNew(1, 2).args)
class OnlyInit:
    def __init__(self, x): self.x = x
print(OnlyInit(3).x)
try:
    object.__new__(OnlyInit, 1) and print("object.__new__ accepts extra args when __init__ is overridden")
except TypeError as e:
    print("TypeError", e)
