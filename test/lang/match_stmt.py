def describe(x):
    match x:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"seq starting {first} with {len(rest)} more"
        case {"kind": "point", "x": px}:
            return f"point x={px}"
        case str() | bytes():
            return "text"
        case _:
            return "other"
for v in (0, -3, [1, 2], [1, 2, 3], {"kind": "point", "x": 9}, "s", b"b", 5.5):
    print(describe(v))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
match P(1, 2):
    case P(1, y=yy):
        print("P with y", yy)
match P(3, 4):
    case P(a, b):
        print("positional", a, b)
