a_global = 1
print(vars() is globals(), "a_global" in vars())
def f(p, q=2):
    r = p + q
    return sorted(vars().items())
print(f(1))
class C:
    x = 1
    seen = sorted(k for k in vars() if not k.startswith("__"))
print(C.seen)
