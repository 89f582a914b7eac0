g = {"__builtins__": {"len": len}}
print(eval("len('abcd')", g))
try:
    eval("print('x')", g)
except NameError as e:
    print("NameError", e)
ns = {}
exec("import math\nr = math.floor(2.5)", ns)
print(ns["r"], "math" in ns)
code = "def gen():\n    yield from range(3)\nresult = list(gen())"
loc = {}
exec(code, {}, loc)
print(loc["result"])
print(eval("x + y", {"x": 1}, {"y": 2}), eval("[x for x in range(3)]", {}))
src = "total = 0\nfor i in range(5):\n    total += i\n"
env = {}
exec(src, env)
print(env["total"])
e = eval("lambda a: a * factor", {"factor": 3})
print(e(5))
