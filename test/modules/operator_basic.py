import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 2), op.pow(2, 5), op.neg(3), op.pos(-3), op.abs(-2))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.lshift(1, 4), op.rshift(16, 2), op.not_(0), op.truth(5), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(3, 2), op.gt(1, 2), op.contains([1, 2], 2), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
print(op.concat([1], [2]), op.getitem("abc", 1), op.index(5), op.matmul.__name__)
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l, op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.attrgetter("real")(3 + 4j), op.attrgetter("real", "imag")(3 + 4j))
print(op.methodcaller("upper")("s"), op.methodcaller("split", ",")("a,b"), op.attrgetter("__class__.__name__")(1))
x = [1]
print(op.iadd(x, [2]), x, op.iconcat([0], [1]), op.length_hint([1, 2]), op.call(len, "ab") if hasattr(op, "call") else 2)
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data, key=op.itemgetter(1)), max(data, key=op.itemgetter(0)))
