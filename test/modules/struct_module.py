# expected: python3.13 (3.12 names the format character in struct errors)
import struct
b = struct.pack("<ihb", 1, -2, 3)
print(b, len(b), struct.unpack("<ihb", b), struct.calcsize("<ihb"), struct.calcsize("ihb") >= 7)
print(struct.pack(">I", 0xDEADBEEF), struct.unpack(">d", struct.pack(">d", 1.5)), struct.pack("<Q", 2 ** 64 - 1))
print(struct.pack("3s", b"abcdef"), struct.pack("?", True), struct.unpack("<2H", b"\x01\x00\x02\x00"))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")), struct.Struct("<f").size, struct.pack("<e", 1.0))
try:
    struct.pack("<b", 200)
except struct.error as e:
    print("struct.error", e)
