cases = [
    lambda: int("12abc"),
    lambda: int("0x10"),
    lambda: int("  "),
    lambda: int("1e5"),
    lambda: int(b"12x"),
    lambda: int("9" * 5000),
    lambda: float(""),
    lambda: float("1.2.3"),
    lambda: float("0x10"),
    lambda: complex("1+2i"),
    lambda: complex(1, "2"),
    lambda: bool.from_bytes(b"\x01", "big") and int(1.5j),
    lambda: float(10 ** 400),
    lambda: bytes("abc", "nope"),
    lambda: "x".encode("utf-8", "nope-handler") if False else "é".encode("ascii", "nope-handler"),
    lambda: list(1),
    lambda: tuple(None),
    lambda: set(5),
    lambda: dict("ab"),
    lambda: frozenset(1.5),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "no error", r)
    except (TypeError, ValueError, OverflowError, LookupError) as e:
        print(i, type(e).__name__, e)
