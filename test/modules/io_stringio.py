import io
s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print(s.readlines(), list(io.StringIO("x\ny")))
s = io.StringIO("0123456789")
s.seek(3); s.write("XY"); print(s.getvalue())
s.truncate(4); print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print("ValueError", e)
with io.StringIO("ctx") as c:
    print(c.read())
print(repr(io.StringIO("a\r\nb", newline=None).read()))
