class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", "default"), getattr(O, "a"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b, getattr(o, "b"), vars(o))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError", e)
setattr(o, "with space", 1)
print(getattr(o, "with space"), getattr(1, "real"), getattr("s", "upper")())
class Raises:
    @property
    def p(self): raise ValueError("inside property")
try:
    hasattr(Raises(), "p")
except ValueError as e:
    print("hasattr propagates", e)
