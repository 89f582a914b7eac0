s = "concat" + "-" + str(5)
b = b"x" + bytes([65]) + bytearray(b"y")
print(s, b, type(b).__name__, bytearray(b"y") + b"x")
print("%s" % b"bytes", str(b"x", "ascii"), b"abc".decode() + "def")
try:
    "a" + b"b"
except TypeError as e:
    print("TypeError", e)
print("a" == b"a", b"a" == bytearray(b"a"), "ab" in "cabd", b"ab" in b"cabd")
