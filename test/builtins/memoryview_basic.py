b = bytearray(b"hello")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
m[0] = ord("J")
print(b, m.tobytes(), m.tolist(), m == b"Jello")
m2 = memoryview(b"immutable")
print(m2.readonly, bytes(m2[::2]), m2.hex())
try:
    m2[0] = 1
except TypeError as e:
    print("TypeError", e)
s = m[1:4]
s[0] = ord("E")
print(b, s.obj is b)
with memoryview(b"ctx") as mv:
    print(mv.tobytes())
try:
    mv[0]
except ValueError as e:
    print("ValueError", e)
ints = memoryview(bytearray(8)).cast("i")
ints[1] = 7
print(ints.tolist(), ints.format, ints.itemsize, len(ints))
m.release()
