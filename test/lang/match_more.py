import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def m(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case Color.RED:
            return "red (value pattern)"
        case {"type": "user", **rest}:
            return f"user with {sorted(rest)}"
        case [_, _, *_] as long_seq if len(long_seq) > 3:
            return f"long sequence of {len(long_seq)}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case [x, [y, z]]:
            return f"nested {x} {y} {z}"
        case str(s) if s.isdigit():
            return f"digits {s}"
        case {"k": int() | float() as num}:
            return f"number {num}"
        case _:
            return f"fallback {v!r}"
for v in [None, True, Color.RED, Color.GREEN, {"type": "user", "id": 1, "name": "x"}, [1, 2, 3, 4], 2, [1, [2, 3]], "123", "abc", {"k": 2.5}, (9, 9)]:
    print(m(v))
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping patterns ignore extra keys")
match "hello":
    case [*chars]:
        print("never: str is not a sequence pattern")
    case _:
        print("str does not match sequence patterns")
