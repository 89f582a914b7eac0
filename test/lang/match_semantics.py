# match statement semantics beyond the basics: soft keywords, subjects,
# sequences, mappings, class patterns, or-patterns, guards and bindings.
import collections
from collections.abc import Mapping, Sequence

# `match`, `case` and `_` stay ordinary names.
match = [1, 2]
case = {"k": 3}
_ = "underscore"
print(match, case, _)
match[0] = 10
print(match[0], match.count(2))
def match_fn(match): return match * 2
print(match_fn(4))
match: int = 5
print(match)
match = 3
print(match - 1, match*2, -match)
case = lambda x: x + 1
print(case(1))

# Subjects: tuples without parentheses, starred, walrus.
def pair(a, b):
    match a, b:
        case 0, 0: return "origin"
        case (0, y): return f"y={y}"
        case [x, 0]: return f"x={x}"
        case _: return "other"
print(pair(0, 0), pair(0, 5), pair(3, 0), pair(1, 1))
rest = [2, 3]
match 1, *rest:
    case (1, *others):
        print("star subject", others)
match (n := 42):
    case 42:
        print("walrus subject", n)

# Sequences: lists, tuples, ranges, deques; str/bytes/bytearray/dict are not.
def seq(v):
    match v:
        case []: return "empty"
        case [x]: return f"one {x!r}"
        case [x, *mid, y]: return f"{x!r}..{y!r} mid={mid}"
    return "no"
for v in [[], (), [1], (2,), range(3), collections.deque([4, 5, 6, 7]), "ab", b"ab",
          bytearray(b"ab"), {"a": 1}, {1, 2}, iter([1, 2])]:
    print(type(v).__name__, seq(v))
match [1, 2, 3, 4, 5]:
    case [a, *_, b]:
        print("first/last", a, b)
match (1, 2, 3):
    case (*init, last):
        print("init", init, type(init).__name__, "last", last)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)

# Mappings: extra keys ignored, **rest gets a fresh dict, get() is used.
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
match MyMap({"a": 1, "b": 2}):
    case {"a": 1, **kw}:
        print("Mapping ABC", kw, type(kw).__name__)
class Missing(dict):
    def __missing__(self, k): return "made up"
match Missing(a=1):
    case {"b": b}:
        print("wrong: __missing__ used", b)
    case {"a": a}:
        print("dict subclass, __missing__ not used", a)
d = {"x": 1, "y": 2, "z": 3}
match d:
    case {"x": 1, **others}:
        others["w"] = 0
        print(sorted(others.items()), sorted(d))
match {}:
    case {**empty}:
        print("empty rest", empty)
match {1: "one", -2: "minus two", 1.5: "float", None: "none", "s": "str", b"b": "bytes", 2j: "complex"}:
    case {1: a, -2: b, 1.5: c, None: e, "s": f, b"b": g, 2j: h}:
        print("literal keys", a, b, c, e, f, g, h)
class K:
    key = "dotted"
match {"dotted": 7}:
    case {K.key: v}:
        print("attribute key", v)

# Class patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z): super().__init__(x, y); self.z = z
def where(p):
    match p:
        case Point3(x, y, z=0): return f"3d flat {x},{y}"
        case Point3(_, _, z): return f"3d z={z}"
        case Point(x=0, y=0): return "origin"
        case Point(x, y) if x == y: return f"diagonal {x}"
        case Point(): return "somewhere"
        case object(): return "not a point"
for p in [Point3(1, 2, 0), Point3(1, 2, 5), Point(0, 0), Point(3, 3), Point(1, 2), 5]:
    print(where(p))
class MyInt(int): pass
for v in [5, True, MyInt(7), 2.5, "s", b"b", [1], (1,), {1: 2}, {3}, frozenset({4}), bytearray(b"x")]:
    match v:
        case bool(b): print("bool", b)
        case int(i): print("int", i, type(i).__name__)
        case float(f): print("float", f)
        case str(s) | bytes(s): print("text", s)
        case list(l) | tuple(l): print("seq", l)
        case dict(m): print("dict", m)
        case set(s) | frozenset(s): print("set", sorted(s))
        case bytearray(ba): print("bytearray", ba)
class NoArgs:
    pass
na = NoArgs()
na.a = 1
match na:
    case NoArgs(a=1, b=2):
        print("wrong: missing attribute matched")
    case NoArgs(a=x):
        print("keyword only", x)
class Prop:
    __match_args__ = ("val",)
    @property
    def val(self):
        print("  (val read)")
        return 9
match Prop():
    case Prop(8): print("wrong")
    case Prop(9): print("property matched")

# Or-patterns bind the same names in any order; value patterns use ==.
def orp(v):
    match v:
        case [x, 1] | [1, x]: return f"x={x}"
        case {"a": a, "b": b} | (b, a): return f"a={a} b={b}"
        case 1.0 | 2: return "one-ish or two"
    return "none"
for v in [[5, 1], [1, 6], {"a": 1, "b": 2}, (3, 4), 1, True, 2, 3]:
    print(orp(v))

# Guards: names are bound before the guard; a failing guard moves on.
def g(v):
    match v:
        case [x, y] if x > y: return f"desc {x} {y}"
        case [x, y] if x < y: return f"asc {x} {y}"
        case [x, y]: return f"equal {x} {y}"
print(g([3, 1]), g([1, 3]), g([2, 2]))
match [9, 8]:
    case [p, q] if False:
        pass
    case _:
        print("guard failed but bound:", p, q)

# A failed pattern binds nothing.
unbound_name = "before"
match [1, 2]:
    case [unbound_name, 3]:
        pass
    case _:
        print("after failed pattern:", unbound_name)

# Singletons compare by identity, values by equality.
for v in [0, False, None, 0.0, True, 1]:
    match v:
        case None: print(repr(v), "-> None")
        case False: print(repr(v), "-> False")
        case True: print(repr(v), "-> True")
        case 0: print(repr(v), "-> 0")
        case _: print(repr(v), "-> other")

# Complex and negative literals, strings with implicit concatenation.
for v in [-1, 1+2j, -1-2j, "ab", 3]:
    match v:
        case -1: print("minus one")
        case 1 + 2j: print("complex")
        case -1 - 2j: print("negative complex")
        case "a" "b": print("concatenated string")
        case _: print("default", v)

# Subject evaluated once; captures work in functions, classes, closures.
calls = []
def subject():
    calls.append(1)
    return [1, 2]
match subject():
    case [3, _]: pass
    case [1, 4]: pass
    case [1, z]: print("z =", z, "calls =", len(calls))
class C:
    match [1, 2]:
        case [cx, cy]: pass
print("class body", C.cx, C.cy)
def outer():
    match {"v": 5}:
        case {"v": captured}:
            pass
    return lambda: captured
print("closure", outer()())
def gen(items):
    for it in items:
        match it:
            case int(i): yield i * 10
            case str(): yield "s"
print(list(gen([1, "x", 2])))
# match inside loops: break and continue
for i in range(5):
    match i:
        case 1: continue
        case 3: break
        case _: print("loop", i)
