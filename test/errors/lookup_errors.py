cases = [
    lambda: [1, 2, 3][3],
    lambda: [][0],
    lambda: [1][-2],
    lambda: (1, 2)[5],
    lambda: "abc"[10],
    lambda: b"ab"[2],
    lambda: bytearray(1)[1],
    lambda: range(3)[3],
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: {}["k"],
    lambda: {"a": 1}[("t", 1)],
    lambda: {1: 2}[2],
    lambda: {}.pop("x"),
    lambda: set().pop(),
    lambda: {1}.remove(3),
    lambda: {}.popitem(),
    lambda: __import__("collections").deque().pop(),
    lambda: __import__("collections").OrderedDict().popitem(),
    lambda: memoryview(b"a")[1],
    lambda: "x".encode("bogus"),
    lambda: {}[""],
    lambda: {}[None],
    lambda: [1, 2, 3][2:][5],
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except LookupError as e:
        print(i, type(e).__name__, repr(e), str(e))
