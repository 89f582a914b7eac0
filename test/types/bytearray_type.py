ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b"??")
print(ba, len(ba), ba[1:3], bytes(ba))
ba[1:3] = b"EE"
del ba[-2:]
print(ba, ba.pop(), ba, ba.find(b"l"))
ba.insert(0, 62)
ba.remove(62)
ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"))
ba2 = bytearray(b"abc")
ba2 += b"def"
ba2 *= 2
print(ba2, ba2.upper(), ba2.decode(), ba2 == b"abcdefabcdef", ba2.count(b"a"))
try:
    ba2[0] = 300
except ValueError as e:
    print("ValueError", e)
ba2.clear()
print(ba2, bytearray.fromhex("41 42"), bytearray(b"x").hex())
