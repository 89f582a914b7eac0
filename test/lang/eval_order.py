# operands and arguments are evaluated left to right
log = []
def v(x):
    log.append(x)
    return x
v(1) + v(2) * v(3)
print(log); log.clear()
def f(*a, **k): return a, k
f(v("a"), v("b"), k=v("c"), **{"z": v("d")})
print(log); log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log); log.clear()
x = [v(1), v(2)][v(0)]
print(log); log.clear()
v("t")[0] if False else None
a = {}
a[v("key")] = v("value")
print(log); log.clear()
v(1) < v(2) < v(0) < v(5)
print(log)
