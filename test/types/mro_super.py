class A:
    def f(self): return ["A"]
class B(A):
    def f(self): return ["B"] + super().f()
class C(A):
    def f(self): return ["C"] + super().f()
class D(B, C):
    def f(self): return ["D"] + super(D, self).f()
print(D().f())
print([k.__name__ for k in D.__mro__])
print(super(B, D()).f())
class E(D):
    @classmethod
    def cm(cls): return super().f
    def g(self):
        return super(C, self).f()
print(E().g())
class Base:
    def __init__(self): self.log = ["Base"]
class Mixin:
    def __init__(self):
        super().__init__()
        self.log.append("Mixin")
class Final(Mixin, Base):
    def __init__(self):
        super().__init__()
        self.log.append("Final")
print(Final().log)
