for exc in [ValueError(), ValueError("one"), ValueError("a", 2), ValueError(None), OSError(2, "msg"), OSError(2, "msg", "f"),
            StopIteration(5), SystemExit(3), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            SyntaxError("bad", ("f.py", 3, 4, "x = (", 3, 5)), ImportError("no", name="m"), AttributeError("attr", name="n", obj=5)]:
    print(type(exc).__name__, repr(str(exc)), repr(exc))
e = UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)")
print(e.encoding, e.object, e.start, e.end, e.reason)
s = SyntaxError("bad", ("f.py", 3, 4, "x = (", 3, 5))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
print(StopIteration(7).value, SystemExit(4).code, KeyError("k").args)
