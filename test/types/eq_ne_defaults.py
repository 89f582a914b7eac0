class A: pass
a, b = A(), A()
print(a == a, a == b, a != b, a != a)
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, E): return NotImplemented
        return self.v == o.v
print(E(1) == E(1), E(1) != E(1), E(1) != E(2), E(1) == 1, E(1) != 1)
class Left:
    def __eq__(self, o):
        print("Left.__eq__"); return NotImplemented
class Right:
    def __eq__(self, o):
        print("Right.__eq__"); return True
print(Left() == Right())
print(Right() == Left())
class Sub(E):
    def __eq__(self, o):
        print("Sub.__eq__ first")
        return NotImplemented
print(E(1) == Sub(1))
print([E(1)] == [E(1)], E(1) in [E(2), E(1)], [1, 2].count(True))
