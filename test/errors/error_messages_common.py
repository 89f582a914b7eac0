# common mistakes and their messages
cases = [
    lambda: "abc".foo(),
    lambda: [1, 2, 3].push(4),
    lambda: {"a": 1}.a,
    lambda: int.fromstring("1"),
    lambda: (1, 2).append(3),
    lambda: "5" + 5,
    lambda: 5 + "5",
    lambda: [1] + 1,
    lambda: {1} + {2},
    lambda: {"a": 1} + {"b": 2},
    lambda: None.upper(),
    lambda: len(None),
    lambda: sum(None),
    lambda: sorted(None),
    lambda: "abc".split(1),
    lambda: "x".replace(1, 2),
    lambda: [][1:2:0],
    lambda: "a".center(),
    lambda: dict(a=1)["b"],
    lambda: ().index(1),
]
for i, c in enumerate(cases):
    try:
        c()
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
