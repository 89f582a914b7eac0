class Point:
    "A point."
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.__doc__)
p.dims = 3
print(p.dims, Point.dims)
print(Point.norm2(p), type(p).__name__, isinstance(p, Point))
print(sorted(vars(p).items()))
print(Point.__name__, Point.__qualname__, Point.__module__)
class Empty: pass
e = Empty()
e.anything = 1
print(e.anything)
