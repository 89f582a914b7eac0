class BadIter:
    def __iter__(self): return self
    def __next__(self): raise ValueError("from __next__")
try:
    list(BadIter())
except ValueError as e:
    print("ValueError", e)
try:
    for _ in BadIter(): pass
except ValueError as e:
    print("ValueError in for", e)
class BadLen:
    def __len__(self): raise KeyError("len")
try:
    len(BadLen())
except KeyError as e:
    print("KeyError", e)
class BadHash:
    def __hash__(self): raise RuntimeError("no hash")
try:
    {BadHash(): 1}
except RuntimeError as e:
    print("RuntimeError", e)
class BadEq:
    def __eq__(self, o): raise ArithmeticError("eq failed")
    __hash__ = object.__hash__
try:
    BadEq() in [1, 2]
except ArithmeticError as e:
    print("ArithmeticError", e)
def gen():
    yield 1
    raise IndexError("gen failed")
try:
    sum(gen())
except IndexError as e:
    print("IndexError", e)
try:
    sorted([3, 1, 2], key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
