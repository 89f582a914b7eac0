# class decorators and decorators on methods
def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls
@add_hello
class A:
    pass
print(A().hello())
def singleton(cls):
    inst = {}
    def get():
        if cls not in inst:
            inst[cls] = cls()
        return inst[cls]
    return get
@singleton
class S:
    pass
print(S() is S())
import functools
def logged(f):
    @functools.wraps(f)
    def w(*a):
        return "logged:" + str(f(*a))
    return w
class B:
    @logged
    def m(self, x):
        "doc of m"
        return x * 2
print(B().m(4), B.m.__name__, B.m.__doc__, B.m.__wrapped__.__name__)
