# expected: python3.13 (GenericAlias and UnionType reprs and messages)
import types
from collections import deque, defaultdict
from itertools import chain
from functools import partial
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[float])
print(deque[int], defaultdict[str, int], chain[int], partial[int], frozenset[bytes])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, type(a) is types.GenericAlias)
print(a == list[int], a == list[str], hash(a) == hash(list[int]), a([1, 2]), a())
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print("TypeError:", e)
u = int | str
print(u, u.__args__, type(u) is types.UnionType, int | None, None | int)
print(isinstance(1, u), isinstance("x", u), isinstance(1.5, u), issubclass(bool, u))
print(isinstance(None, int | None), (int | str) == (str | int), int | int, int | str | int)
print(list[int] | None, dict[str, int] | list[int])
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
class C(list[int]):
    pass
print(C.__bases__, C([3]))
