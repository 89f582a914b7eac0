# LOAD_GLOBAL inline caches: globals and builtins added, deleted, shadowed
# and replaced after a function has run many times.
import builtins

X = 1

def get_x():
    return X

def get_len():
    return len

def call_len(s):
    return len(s)

def run(f, n=50):
    r = None
    for _ in range(n):
        r = f()
    return r

print(run(get_x))
X = 2                      # value-only update
print(run(get_x))
del X                      # key removed
try:
    get_x()
except NameError as e:
    print("NameError:", e)
X = 3                      # re-added (new entry)
print(run(get_x))

# builtins, then shadowed by a global, then unshadowed
print(run(get_len) is len)
print(run(lambda: call_len("abc")))
len = lambda s: 42
print(run(lambda: call_len("abc")))
del len
print(run(lambda: call_len("abc")))

# a builtin added later, then removed
def get_new():
    return brand_new_builtin

try:
    get_new()
except NameError as e:
    print("NameError:", e)
builtins.brand_new_builtin = "nb"
print(run(get_new))
builtins.brand_new_builtin = "nb2"
print(run(get_new))
del builtins.brand_new_builtin
try:
    get_new()
except NameError as e:
    print("NameError:", e)

# many globals added (the dict resizes) between calls
for i in range(200):
    globals()["g%d" % i] = i
    if i % 37 == 0:
        print(i, run(get_x, 3), run(lambda: g0, 3))

# the same code object with another globals dict (exec, FunctionType)
src = "def f():\n    return Y\n"
ns1 = {"Y": "one"}
ns2 = {"Y": "two"}
exec(src, ns1)
exec(src, ns2)
print(run(ns1["f"]), run(ns2["f"]))
import types
g = types.FunctionType(ns1["f"].__code__, ns2)
print(run(g), run(ns1["f"]))
ns3 = {}
h = types.FunctionType(ns1["f"].__code__, ns3)
try:
    h()
except NameError as e:
    print("NameError:", e)
ns3["Y"] = "three"
print(run(h), run(g), run(ns1["f"]))

# a module dict replaced via exec of new code in the same namespace
exec("X = 'from exec'", globals())
print(run(get_x))

# globals cleared and rebuilt
ns4 = {"Y": 1}
exec(src, ns4)
f4 = ns4["f"]
print(run(f4))
ns4.clear()
try:
    f4()
except NameError as e:
    print("NameError:", e)
ns4["Y"] = 5
print(run(f4))

# popitem frees the last entry, another key reuses it
ns5 = {}
exec("def f():\n    return Z\n", ns5)
f5 = ns5["f"]
ns5["Z"] = "z1"
print(run(f5))
ns5.popitem()
ns5["W"] = "w"
try:
    f5()
except NameError as e:
    print("NameError:", e)
ns5["Z"] = "z2"
print(run(f5))

# builtins of a function as a non-dict mapping is not supported by CPython
# either; a dict subclass as globals
class D(dict):
    pass
ns6 = D(Y="sub")
exec(src, ns6)
print(run(ns6["f"]))
ns6["Y"] = "sub2"
print(run(ns6["f"]))
