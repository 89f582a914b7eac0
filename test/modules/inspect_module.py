# expected: python3.13 (the reference)
import inspect, functools
async def co(): pass
async def agen(): yield
def gen(): yield 1
def f(a, b: int = 2, /, c=3, *args, d, e: str = 'x', **kw) -> bool: "doc\n    more"
class C:
    def __init__(self, x, y=1): pass
    def m(self, z): pass
print(inspect.iscoroutinefunction(co), inspect.isasyncgenfunction(agen), inspect.isgeneratorfunction(gen), inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C(1).m))
c = co(); print(inspect.iscoroutine(c), inspect.isawaitable(c)); c.close()
g = gen(); print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g)); list(g); print(inspect.getgeneratorstate(g))
print(inspect.signature(f), inspect.signature(C), inspect.signature(C(1).m), inspect.signature(functools.partial(f, 1)), inspect.signature(lambda x, *, y=2: 0))
s = inspect.signature(f); print(list(s.parameters), s.parameters['b'], repr(s.parameters['e']), s.return_annotation, s.parameters['d'].kind, s.parameters['a'].kind.description)
b = inspect.signature(C.m).bind(1, 2); print(b, b.args, b.kwargs)
try: inspect.signature(C.m).bind(1)
except TypeError as e: print(e)
print(inspect.getdoc(f), inspect.cleandoc("  a\n    b\n  c"), inspect.getmro(bool), [n for n, v in inspect.getmembers(C) if not n.startswith('_')])
print(inspect.getfullargspec(f))
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f, inspect.isabstract(C), inspect.isbuiltin(len), inspect.isroutine(len))
