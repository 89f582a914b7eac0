d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError", e)
d2 = {1: 1, 2: 2}
try:
    for k in d2:
        del d2[k]
except RuntimeError as e:
    print("RuntimeError", e)
l = [1, 2, 3, 4]
for v in l:
    if v == 2:
        l.remove(v)
print(l)
d3 = {"a": 1}
for k in d3:
    d3[k] = 2
print(d3)
def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print("ValueError", e)
