class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
s = {P(1), P(1), P(2)}
print(len(s), P(1) in s, {P(3): "v"}[P(3)])
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError", e)
class Plain: pass
a = Plain()
print(hash(a) == hash(a), a == a, a != Plain())
class Child(P):
    def __eq__(self, o): return False
print(Child.__hash__ is None)
class Keep(P):
    __hash__ = P.__hash__
    def __eq__(self, o): return False
print(hash(Keep(5)) == hash(5))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
