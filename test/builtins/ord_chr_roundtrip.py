ok = all(ord(chr(i)) == i for i in range(0, 0x110000, 97))
print(ok)
print([chr(i) for i in range(0x41, 0x41 + 26, 5)], "".join(map(chr, [72, 105])))
s = "héllo wörld €"
print([ord(c) for c in s if ord(c) > 127], "".join(chr(ord(c) + 1) for c in "HAL"))
print(chr(0xD800).encode("utf-8", "surrogatepass"), len(chr(0x10FFFF)))
