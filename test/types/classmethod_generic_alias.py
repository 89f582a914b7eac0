# expected: python3.13 (3.13 binds any callable; 3.11 chained __get__)
# classmethod wrapping a non-function callable (types.GenericAlias as
# __class_getitem__, a builtin, a class): bound to the class as in 3.13.
import collections.abc
from types import GenericAlias

class Box:
    __class_getitem__ = classmethod(GenericAlias)

class Maker:
    make = classmethod(dict)

print(Box[int], Box[int, str].__args__, Box[int].__origin__ is Box)
print(collections.abc.Iterable[int], collections.abc.Mapping[str, list[int]])
print(collections.abc.Callable[[int], str], collections.abc.Callable[..., None].__args__)
b = Maker.make
print(type(b).__name__, b.__self__ is Maker, b.__func__ is dict)
try:
    Maker.make()
except TypeError as e:
    print("TypeError", e)
cm = classmethod(len)
print(cm.__get__(None, Box).__self__ is Box, cm.__get__(Box()).__self__ is Box)
try:
    cm.__get__(None, Box)()
except TypeError as e:
    print("TypeError", e)
