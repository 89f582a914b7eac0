class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        ns["fields"] = sorted(k for k in ns if not k.startswith("__"))
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
class A(metaclass=Meta):
    x = 1
    def m(self): pass
    def __init__(self, v): self.v = v
print(A.created_by, A.fields, A)
a = A(5)
print(a.v, type(A) is Meta, isinstance(A, type))
class B(A): y = 2
print(type(B).__name__, B.fields)
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 42}
class P(metaclass=Prep): pass
print(P.injected)
