print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("len(s)", {}, {"s": "abc"}))
ns = {}
exec("y = 5\ndef f(a):\n    return a + y\n", ns)
print(ns["y"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"))
g = {"k": 1}
l = {}
exec("k2 = k + 1", g, l)
print(l, "k2" in g)
exec("print('exec prints', 1 + 1)")
print(eval("[i * i for i in range(4)]"), eval("(lambda q: q + 1)(1)"))
z = 7
def scope():
    z = 8
    return eval("z")
print(scope(), eval("z"))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
print(eval(" 42 "), eval("\t1"), exec("1") is None, eval(b"2 + 2"))
