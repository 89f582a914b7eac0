class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            print("creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
x = Single(1)
y = Single(2)
print(x is y, x.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Pt(3, 4)
print(p, p.x, len(p), isinstance(p, tuple))
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)
