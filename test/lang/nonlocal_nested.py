def a():
    x = 0
    def b():
        def c():
            nonlocal x
            x += 1
            return x
        return c
    f = b()
    f(); f()
    return x
print(a())
def make_acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = make_acc()
print(acc(1), acc(2), acc(3))
def rebind():
    v = 1
    def set_(n):
        nonlocal v
        v = n
    def get():
        return v
    return set_, get
s, g = rebind()
s(42)
print(g())
