cases = [
    lambda: int("abc"),
    lambda: int("1.5"),
    lambda: int("", 10),
    lambda: int("12", 40),
    lambda: float("x1"),
    lambda: complex("1+"),
    lambda: [1, 2].index(5),
    lambda: "abc".index("z"),
    lambda: (1,).index(2),
    lambda: [].remove(0),
    lambda: "a,b".split(""),
    lambda: range(0, 10, 0),
    lambda: chr(-5),
    lambda: "x".encode("no-such-codec"),
    lambda: b"\xff".decode("ascii"),
    lambda: bytes([300]),
    lambda: int.from_bytes(b"\x01", "middle"),
    lambda: "abc".center(5, "xy"),
    lambda: [1, 2][::0],
    lambda: "{0}{}".format(1, 2),
    lambda: "{".format(),
    lambda: "}".format(),
    lambda: format(1.5, "d"),
    lambda: format("s", "="),
    lambda: a_b(),
    lambda: a_bc(),
    lambda: pow(2, -1, 4),
    lambda: (2.5).as_integer_ratio() and float("nan").as_integer_ratio(),
    lambda: memoryview(b"ab").cast("q"),
    lambda: bytes.fromhex("zz"),
    lambda: "%d %d" % (1,) if False else "%c" % "ab",
    lambda: list(zip([1], [1, 2], strict=True)),
    lambda: int("0b2", 0),
    lambda: float("1e"),
    lambda: "".join(["a"]).zfill(-1) and divmod_neg(),
    lambda: dict.fromkeys([1]).popitem() and {}.popitem(),
]
def a_b():
    a, b = [1, 2, 3]
def a_bc():
    a, b, c = [1, 2]
def divmod_neg():
    import math
    return math.sqrt(-1)
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, e)
