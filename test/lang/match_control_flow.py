# match inside generators (yield in a guard, continue/break in cases), coroutines
# (await in a guard), exceptions raised while matching, nested matches,
# or-patterns under 'as' around a starred sequence, namedtuples, deep patterns.
def gen(xs):
    for x in xs:
        match x:
            case [a, b] if (yield ("guard", a)) or True:
                yield ("pair", a, b)
            case {"k": v}:
                yield ("k", v)
                continue
            case int(n) if n > 5:
                break
            case _:
                yield ("other", x)
print(list(gen([[1, 2], {"k": 3}, "s", 7, 8])))
class Aw:
    def __await__(self):
        yield "suspended"
        return True
async def co(v):
    match v:
        case [x] if await Aw():
            return ("async", x)
    return None
c = co([5])
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
class Bad:
    def __eq__(self, o): raise RuntimeError("eq failed")
def f(v):
    try:
        match v:
            case [1, Bad.x]:
                return "no"
            case _:
                return "default"
    except RuntimeError as e:
        return f"caught {e}"
Bad.x = Bad()
print(f([1, 2]))
def nested(v):
    match v:
        case [x, y]:
            match x, y:
                case (0, _) | (_, 0): return "axis"
                case (a, b) if a == b: return "diag"
            return "pair"
    return "none"
print([nested(v) for v in [[0, 1], [2, 2], [1, 2], 5]])
def many(v):
    match v:
        case (1 | 2 | 3) as a, (4 | 5) as b, *rest, ("x" | "y") as c:
            return a, b, rest, c
print(many([2, 5, 9, 9, "y"]), many([2, 6, "y"]))
import collections
P = collections.namedtuple("P", "x y")
match P(1, 2):
    case P(x, y=2): print("namedtuple", x)
match {"a": 1, "b": {"c": [1, 2, 3]}}:
    case {"b": {"c": [*_, last]}}: print("deep", last)
