# class body is a scope, but methods do not see it
x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
class D:
    items = [1, 2, 3]
    total = sum(items)
    doubled = [i * 2 for i in items]
print(D.total, D.doubled)
def f():
    v = "enclosing"
    class E:
        w = v
        def g(self): return v
    return E
print(f().w, f()().g())
