x = 10
g = globals()
print(g["x"], "__name__" in g, g["__name__"], g is globals())
g["created_via_globals"] = "yes"
print(created_via_globals)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
def h():
    v = 1
    l = locals()
    l["v"] = 99
    return v
print(h())
class C:
    q = 1
    inner = sorted(k for k in locals() if not k.startswith("__"))
print(C.inner)
print(locals() is globals())
