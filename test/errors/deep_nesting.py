# deeply nested data and expressions
l = []
cur = l
for _ in range(1000):
    nxt = []
    cur.append(nxt)
    cur = nxt
depth = 0
cur = l
while cur:
    cur = cur[0]
    depth += 1
print(depth)
expr = "(" * 50 + "1" + ")" * 50
print(eval(expr))
src = "x = 0\n"
for i in range(20):
    src += "    " * i + f"if x == 0:\n"
src += "    " * 20 + "x = 'deep'\n"
ns = {}
exec(src, ns)
print(ns["x"])
d = {}
cur = d
for i in range(200):
    cur["k"] = {}
    cur = cur["k"]
print(len(str(d)))
t = ()
for i in range(300):
    t = (t,)
print(len(repr(t)))
f = lambda x: x
for _ in range(100):
    f = (lambda g: lambda x: g(x) + 1)(f)
print(f(0))
