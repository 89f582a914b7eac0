import io, os, tempfile
b = io.BytesIO(b"0123456789")
buf = bytearray(4)
print(b.readinto(buf), buf, b.read(2), b.tell())
br = io.BufferedReader(io.BytesIO(b"peekable data"))
print(br.peek(4)[:4], br.read(4), br.read1(3), br.read())
bw_raw = io.BytesIO()
bw = io.BufferedWriter(bw_raw)
bw.write(b"buffered")
print(bw_raw.getvalue())
bw.flush()
print(bw_raw.getvalue())
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", line_buffering=True)
print(t.line_buffering, t.encoding, t.errors)
t.reconfigure(encoding="latin-1")
print(t.encoding)
s = io.StringIO()
print(s.write("é€"), len(s.getvalue()), s.tell() >= 2)
p = os.path.join(tempfile.gettempdir(), f"weft-iomore-{os.getpid()}")
with open(p, "w", encoding="utf-8") as f:
    f.writelines(["a\n", "b\n", "c"])
with open(p, encoding="utf-8") as f:
    print(f.readline(), f.readline(1), f.readline(), f.readline(), repr(f.readline()))
with open(p, "rb") as f:
    print(f.read1(100) if hasattr(f, "read1") else f.read())
os.remove(p)
print(isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.BufferedIOBase), io.UnsupportedOperation.__mro__[1].__name__)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
