# attribute and subscript targets, including in unpacking
class C: pass
o = C()
o.x = 1
o.y, o.z = 2, 3
print(o.x, o.y, o.z)
l = [0] * 5
l[0], l[-1] = 'a', 'b'
print(l)
l[1:3] = [7, 8, 9]
print(l)
l[::2] = [None] * 3
print(l)
d = {}
d['a'], d['b'] = d.get('x', 1), 2
print(d)
i = 0
l = [10, 20, 30]
i, l[i] = 1, 99
print(i, l)
