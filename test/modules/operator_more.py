import operator as op
class V:
    def __init__(self, x): self.x = x
    def __iadd__(self, o):
        self.x += o
        return self
v = V(1)
op.iadd(v, 5)
print(v.x, op.imul([1], 2), op.ior({1}, {2}), op.isub(5, 2), op.ipow(2, 5), op.itruediv(1, 4), op.ifloordiv(7, 2))
get = op.itemgetter(slice(1, 3))
print(get("abcdef"), op.itemgetter("k")({"k": "v"}), op.attrgetter("x")(v))
print(op.methodcaller("replace", "a", "b", 1)("aaa"), repr(op.itemgetter(1)), repr(op.attrgetter("a.b")))
print(op.lt.__name__, op.__lt__ is op.lt, op.is_(1, 1), op.not_([]), op.truth([0]), op.abs(-3.5))
print(sorted(["b", "A", "c"], key=op.methodcaller("lower")), list(map(op.mul, [1, 2], [3, 4])))
