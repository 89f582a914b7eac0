# KeyError's str() is the repr of the key
for key in ["text", "", 0, 1.5, None, (1, 2), ("single",), frozenset({1}), b"bytes", "multi\nline"]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), e.args)
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)), e.args)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(repr(str(e)), e.args)
