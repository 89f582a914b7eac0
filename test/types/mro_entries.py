class Factory:
    def __mro_entries__(self, bases):
        return (Real,)
class Real:
    def hello(self): return "hello from Real"
f = Factory()
class Derived(f):
    pass
print(Derived().hello(), Derived.__bases__, Derived.__orig_bases__[0] is f)
from typing import NamedTuple, Generic, TypeVar
T = TypeVar("T")
class Box(Generic[T]):
    pass
class IntBox(Box[int]):
    pass
print(IntBox.__mro__[1].__name__, IntBox.__orig_bases__)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._fields, Pt.__bases__)
