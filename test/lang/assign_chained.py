# chained assignment binds every target to the same object
a = b = c = [1, 2]
a.append(3)
print(a, b, c, a is b, b is c)
x = y = 5
x += 1
print(x, y)
d = {}
d["k"] = d["j"] = 7
print(sorted(d.items()))
