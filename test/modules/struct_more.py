# expected: python3.13 (3.12 names the format character in struct errors)
import struct
print(struct.calcsize("@bhiq"), struct.calcsize("=bhiq"), struct.calcsize("@b0q"), struct.calcsize("3x2s5p"))
print(struct.pack("<e", 1.5), struct.unpack("<e", b"\x00\x3c"), struct.pack(">e", 65504.0), struct.pack("<e", 1e-8))
print(struct.pack("5p", b"abc"), struct.unpack("5p", b"\x03abcd"), struct.pack("2s", b"abcd"), struct.pack("<?", 5))
print(struct.unpack("<hH", b"\xff\xff\xff\xff"), struct.unpack(">qQ", b"\xff" * 7 + b"\xfe" + b"\xff" * 8))
s = struct.Struct("<ih")
print(s, s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"))
buf = bytearray(8)
s.pack_into(buf, 1, -1, -2)
print(buf, s.unpack_from(buf, 1), struct.unpack_from("<h", buf, offset=5))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
for fmt, args in [("<b", (128,)), ("<H", (-1,)), ("<i", ("x",)), ("<f", ("x",)), ("<c", (b"ab",)), ("<s", (1,)), ("<ii", (1,)), ("<z", ()), ("<q", (2 ** 64,)), ("<e", (1e10,))]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
for call in (lambda: struct.unpack("<i", b"abc"), lambda: struct.unpack_from("<i", b"abcdef", 4), lambda: struct.calcsize("<q7"),
             lambda: struct.pack_into("<i", bytearray(2), 0, 1), lambda: list(struct.iter_unpack("<h", b"abc"))):
    try:
        call()
    except struct.error as e:
        print("struct.error", e)
