print(type(1), type(1.0), type("s"), type(b""), type([]), type(()), type({}), type(set()), type(frozenset()), type(None))
print(type(range(1)), type(slice(1)), type(iter([])).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(enumerate([])).__name__)
print(type(len).__name__, type([].append).__name__, type(int.__add__).__name__, type((1).__add__).__name__, type(str.join).__name__)
def f(): yield
async def c(): pass
co = c()
print(type(f).__name__, type(f()).__name__, type(co).__name__, type(lambda: 0).__name__, type(type).__name__)
co.close()
class K:
    def m(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
print(type(K.m).__name__, type(K().m).__name__, type(K.cm).__name__, type(K.sm).__name__, type(K.__dict__["sm"]).__name__)
import sys
print(type(sys).__name__, type(sys.stdout).__name__ in ("TextIOWrapper",), type(NotImplemented).__name__, type(...).__name__)
print(int.__mro__, bool.__mro__, type(1).__class__.__name__)
