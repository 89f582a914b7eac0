a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
one = 1
print(None is None, 1 == 1.0, one is not None)
x = ()
y = ()
print(x == y)
print([] == [], {} == {}, set() == frozenset())
nan = float("nan")
l = [nan]
print(nan == nan, nan in l, l == l, [nan] == [nan])
