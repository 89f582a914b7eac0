class C:
    def __init__(self): self._v = 1
    v = property(lambda self: self._v, lambda self, x: setattr(self, "_v", x), None, "the v")
    cm = classmethod(lambda cls: cls.__name__)
    sm = staticmethod(lambda: "static")
c = C()
c.v = 10
print(c.v, C.v.__doc__, C.cm(), c.cm(), C.sm(), c.sm())
print(isinstance(C.__dict__["cm"], classmethod), isinstance(C.__dict__["v"], property))
print(property().fget, type(classmethod).__name__)
