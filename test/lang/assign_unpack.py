# unpacking into tuples, lists, nested targets and starred targets
a, b = 1, 2
a, b = b, a
print(a, b)
[c, d] = "xy"
print(c, d)
(e, (f, g)), h = (1, (2, 3)), 4
print(e, f, g, h)
first, *rest = range(5)
print(first, rest)
*init, last = [1, 2, 3]
print(init, last)
p, *mid, q = "abcdef"
print(p, mid, q)
p, *mid, q = "ab"
print(p, mid, q)
for i, (j, *k) in [(1, (2, 3, 4)), (5, (6,))]:
    print(i, j, k)
x, = [42]
print(x)
*s, = {1: 'a'}
print(s)
