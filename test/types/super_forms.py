class A:
    x = "A.x"
    def m(self): return "A.m"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
    @staticmethod
    def s(): return "A.s"
class B(A):
    x = "B.x"
    def m(self): return "B.m>" + super().m()
    @classmethod
    def c(cls): return "B.c>" + super().c()
    @staticmethod
    def s(): return "B.s>" + super(B, B).s()
    def attr(self): return super().x
print(B().m(), B.c(), B.s(), B().attr())
class C(B): pass
print(C.c())
sup = super(B, B())
print(sup.m(), sup.x)
print(type(sup).__name__)
def outside(self):
    return super(B, self).m()
print(outside(C()))
