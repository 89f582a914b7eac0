b = b"hello world"
print(b, b[0], b[-1], b[1:4], len(b), b.upper(), b.split(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), b"ab" * 2, b"a" + b"b")
print(b.decode(), b"\xc3\xa9".decode("utf-8"), b.hex(), bytes.fromhex("de ad be ef"), b.hex(":"), list(b"abc"))
print(b"abc" < b"abd", b"x" in b"xyz", 120 in b"xyz", b.startswith(b"he"), b.strip(b"hd"), b.title(), b.isalpha())
print(repr(b"\x00\n\t'\"\\\x7f\x80"), b"%s=%d" % (b"k", 5), b" a b ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("latin-1"), b"abc".center(7, b"*"), b"12".zfill(4), bytes.maketrans(b"a", b"b"))
