# each fault prints the exception type and message
five, text, one, nothing = 5, "abc", [1], None
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: 1 < "a",
    lambda: None + 1,
    lambda: -"a",
    lambda: ~1.5,
    lambda: len(5),
    lambda: five(),
    lambda: text[1.5],
    lambda: one[None],
    lambda: {}[[]],
    lambda: five[0],
    lambda: nothing[0],
    lambda: iter(5),
    lambda: int([]),
    lambda: float([]),
    lambda: "a" * "b",
    lambda: "a" * 1.5,
    lambda: [1] * [2],
    lambda: hash([]),
    lambda: set([[1]]),
    lambda: (lambda a: a)(),
    lambda: (lambda a: a)(1, 2),
    lambda: (lambda a: a)(b=1),
    lambda: (lambda *, k: k)(1),
    lambda: (lambda a: a)(1, a=1),
    lambda: sorted(5),
    lambda: "{:d}".format("x"),
    lambda: ord(5),
    lambda: chr("a"),
    lambda: abs([]),
    lambda: divmod("a", 1),
    lambda: "x".join([1]),
    lambda: sum(["a"]),
    lambda: object() > object(),
    lambda: [3, "a"].sort(),
    lambda: max(1),
    lambda: "abc".startswith(1),
    lambda: isinstance(1, "int"),
    lambda: bytes("x"),
    lambda: tuple(1),
    lambda: dict(1),
    lambda: range("1"),
    lambda: round("x"),
    lambda: 1 @ 2,
    lambda: {1} + {2},
    lambda: del_item(),
]
def del_item():
    t = (1, 2)
    del t[0]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, e)
