# expected: python3.13 (the reference)
import functools, collections.abc as cabc, numbers
@functools.singledispatch
def f(x): return 'object'
@f.register
def _(x: int): return 'int'
@f.register(cabc.Sequence)
def _(x): return 'sequence'
@f.register(cabc.Mapping)
def _(x): return 'mapping'
@f.register(numbers.Number)
def _(x): return 'number'
@f.register(str | bytes)
def _(x): return 'text'
print(f(1), f(True), f(1.5), f([1]), f((1,)), f({}), f('s'), f(b'b'), f(None), f(range(3)), f(2j))
@functools.singledispatch
def g(x): return 'obj'
g.register(cabc.Sized, lambda x: 'sized'); g.register(cabc.Iterable, lambda x: 'iterable')
try: print(g([1]))
except RuntimeError as e: print('RuntimeError', e)
class A: pass
class B(A): pass
class C(B): pass
cabc.Sized.register(C)
@functools.singledispatch
def h(x): return 'obj'
h.register(A, lambda x: 'A'); h.register(cabc.Sized, lambda x: 'sized')
print(h(C()), h(B()), h([]))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(V(1) < V(2), V(2) <= V(2), V(3) >= V(4), V.__lt__.__doc__, V.__le__.__name__)
@functools.lru_cache(maxsize=3)
def sq(x): return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1]: sq(v)
print(sq.cache_info(), sq.cache_parameters())
@functools.lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]), repr(functools.partial(max, 1, key=None))[:40])
try: functools.reduce(max, [])
except TypeError as e: print(e)
