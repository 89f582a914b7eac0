print(ascii("abc"), ascii("é"), ascii("€"), ascii("😀"), ascii([1, "ü"]), ascii(b"\xff"), ascii("\n"))
print(repr("é"), repr("😀"), repr("\x1b"), repr("\u2028"), repr("\ud800"), ascii("\ud800"))
print(repr(1), repr(1.0), repr("s"), repr(None), repr([1, (2,)]), repr({1: {2}}), repr(1j), repr(-0.0))
class R:
    def __repr__(self): return "R!"
print(repr(R()), ascii(R()), [R()], str([R()]))
