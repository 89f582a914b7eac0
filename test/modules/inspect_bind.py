# expected: python3.13 (the reference)
import inspect
def f(a, b=2, /, c=3, *args, d, e=5, **kw): pass
def g(a, /, b, *, c): pass
def h(a, b): pass
def g2(a, /, **kw): pass
def h2(a, /, b): pass
s=inspect.signature(f); sg=inspect.signature(g); sh=inspect.signature(h)
for sig, a, k in [(s,(1,),{'d':4}), (s,(),{'d':1}), (s,(1,2,3,4,5),{'d':6,'z':7}), (s,(1,),{}), (s,(1,),{'a':1,'d':2}), (sg,(1,2,3),{}), (sg,(1,),{'b':2}), (sg,(1,),{'b':2,'c':3,'x':1}), (sg,(),{'a':1,'b':2,'c':3}), (sh,(1,2,3),{}), (sh,(1,),{'a':2}), (sh,(1,),{}), (sh,(),{'b':1}), (inspect.signature(g2), (), {'a': 1}), (inspect.signature(h2), (), {'a': 1}), (inspect.signature(h2), (), {'a': 1, 'b': 2, 'z': 3})]:
    try: b = sig.bind(*a, **k); print(b, b.args, b.kwargs)
    except TypeError as e: print('TypeError', e)
    try: b = sig.bind_partial(*a, **k); print('partial', b)
    except TypeError as e: print('partial TypeError', e)
b = s.bind(1, d=4); b.apply_defaults(); print(b)
