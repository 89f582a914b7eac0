# expected: python3.13 (3.12 changed the OrderedDict repr)
from collections import OrderedDict
o = OrderedDict()
o["b"] = 1; o["a"] = 2; o["c"] = 3
print(o, list(o))
o.move_to_end("b"); print(list(o))
o.move_to_end("c", last=False); print(list(o))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
x = OrderedDict.fromkeys("xyz")
print(x, list(reversed(x)))
x["x"] = 5
print(list(x.items()))
