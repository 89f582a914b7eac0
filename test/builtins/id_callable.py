a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), isinstance(id(a), int), id(a) > 0)
print(id(None) == id(None), id(1) == id(1))
print(callable(len), callable(print), callable(lambda: 0), callable(int), callable(1), callable("s"), callable(None))
class K:
    def m(self): pass
    def __call__(self): pass
class N: pass
print(callable(K), callable(K()), callable(N()), callable(K().m), callable(K.m))
