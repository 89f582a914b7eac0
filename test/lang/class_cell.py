# expected: python3.13 (3.12 inlined comprehensions, PEP 709, so zero-argument super() works inside them)
# __class__ cell and zero-argument super in nested functions
class A:
    def who(self):
        return __class__.__name__
    def helper(self):
        def inner():
            return __class__
        return inner()
class B(A):
    def go(self):
        return [super().who() for _ in range(2)]
print(A().who(), B().who(), A().helper() is A, B().go())
class C:
    def m(self):
        f = lambda: super(C, self).__repr__
        return callable(f())
print(C().m())
