class Base:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
class Doubled(Base):
    @Base.v.setter
    def v(self, x): self._v = x * 2
class ReadOnly(Base):
    @property
    def v(self): return "read only " + str(self._v)
d = Doubled(); d.v = 5
print(d.v)
r = ReadOnly()
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError")
print(r.v, Base.v.fset is not None, ReadOnly.v.fset)
class Lazy:
    @property
    def value(self):
        print("computing")
        self.__dict__["cached"] = 42
        return self.__dict__["cached"]
l = Lazy()
print(l.value, l.value)
