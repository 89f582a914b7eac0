# memoryview: buffer exports, casts, shapes, comparisons, errors.
import io

ba = bytearray(b"abcdef")
m = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
s = m[1:3]
m.release()
try:
    ba.extend(b"xy")
except BufferError as e:
    print("still exported:", e)
s.release()
ba.extend(b"xy")
print(ba)

m = memoryview(b"abcdefgh")
print(m[::-1].tobytes(), m[1::3].tolist(), m[-2:].hex(), m.hex(":"), m.hex("-", 3))
print(m[2:6][1:3].tobytes(), len(m[5:2]), m[::2].strides, m[::2].nbytes, m[::2].contiguous)
print(m == b"abcdefgh", m != b"abcdefgh", m[::2] == b"aceg", m == "abcdefgh", m == memoryview(bytearray(b"abcdefgh")))
print(hash(m) == hash(b"abcdefgh"), repr(m)[:12])
try:
    hash(memoryview(bytearray(2)))
except ValueError as e:
    print("ValueError", e)
for bad in (lambda: m[8], lambda: m[-9], lambda: m["x"], lambda: m[1.0]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del memoryview(bytearray(2))[0]
except TypeError as e:
    print("TypeError", e)
try:
    memoryview(5)
except TypeError as e:
    print("TypeError", e)

w = memoryview(bytearray(range(16)))
q = w.cast("I")
print(q.format, q.itemsize, q.shape, q.strides, len(q))
print(q.cast("B")[:4].tolist())
g = w.cast("B", shape=[4, 4])
print(g.ndim, g.shape, g.strides, g.tolist()[2], g[1, 2], g.c_contiguous, g.f_contiguous)
g[3, 3] = 99
print(w[15], g.tobytes()[-1], g.tobytes(order="F")[:4])
for args in (("I", [3]), ("d",), ("<i",), (1,)):
    try:
        w.cast(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    q.cast("h")
except TypeError as e:
    print("TypeError", e)
try:
    g[1]
except NotImplementedError as e:
    print("NotImplementedError", e)
try:
    w[::2].cast("B")
except TypeError as e:
    print("TypeError", e)

h = memoryview(bytearray(4)).cast("h")
h[0] = -2
h[1] = 300
print(h.tolist(), bytes(h))
for v in (40000, "x", 1.5):
    try:
        h[0] = v
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 2
print(d.tolist(), d == [1.5, 2.0], d.cast("B").cast("d").tolist())
c = memoryview(bytearray(b"xy")).cast("c")
c[0] = b"Z"
print(c.tolist(), c[1])
bq = memoryview(bytearray(3)).cast("?")
bq[1] = 5
print(bq.tolist())

t = memoryview(bytearray(b"0123456789"))
t[2:5] = b"abc"
t[::3] = b"WXYZ"
print(t.tobytes())
try:
    t[0:2] = b"abc"
except ValueError as e:
    print("ValueError", e)
t[1:4] = t[0:3]
print(t.tobytes())

r = memoryview(bytearray(b"rw")).toreadonly()
print(r.readonly, r.tobytes())
try:
    r[0] = 1
except TypeError as e:
    print("TypeError", e)

m = memoryview(b"abc")
m2 = memoryview(m)
print(m2.obj is m.obj, list(m), 98 in m)
with memoryview(b"x") as mv:
    inner = memoryview(mv)
print(repr(mv).split(" at ")[0], inner.tobytes())
try:
    len(mv)
except ValueError as e:
    print("ValueError", e)
print(mv == mv, mv == inner)

bio = io.BytesIO(b"hello world")
buf = bio.getbuffer()
buf[0:5] = b"HELLO"
print(bio.getvalue(), buf.nbytes, buf.readonly)
for op in (lambda: bio.write(b"x"), lambda: bio.truncate(2), lambda: bio.close()):
    try:
        op()
    except BufferError as e:
        print("BufferError", e)
del buf
bio.write(b"!")
print(bio.getvalue())

dst = bytearray(6)
mvd = memoryview(dst)
print(io.BytesIO(b"abcdefgh").readinto(mvd[2:]), dst)
f = io.BytesIO(b"0123456789")
print(f.readinto(memoryview(dst).cast("B")), dst)
print(bytearray(memoryview(b"abcdef")[::2]), bytes(memoryview(b"")), b"-".join([memoryview(b"ab"), b"c"]))
