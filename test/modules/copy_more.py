# expected: python3.13 (the reference)
import copy, collections
class S:
    __slots__=('a','b')
s=S(); s.a=[1]
t=copy.deepcopy(s); print(t.a, t.a is s.a, hasattr(t,'b'))
P=collections.namedtuple('P','x y')
print(copy.copy(P(1,[2])), copy.deepcopy(P(1,[2])))
od=collections.OrderedDict(a=[1]); print(copy.deepcopy(od), copy.copy(collections.Counter('aab')))
dd=collections.defaultdict(list, a=[1]); print(copy.deepcopy(dd))
print(copy.deepcopy(collections.deque([1,[2]])))
class E(Exception): pass
e=copy.copy(E(1,2)); print(repr(e))
print(copy.deepcopy({1:{2,3}, 'x': frozenset({1})}))
import types; ns=types.SimpleNamespace(a=1); print(copy.deepcopy(ns))
class K:
    def __init__(self): self.x=[1]; self.m=self.meth
    def meth(self): return self.x
k=copy.deepcopy(K()); print(k.m())
