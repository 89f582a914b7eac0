import io, os, tempfile
path = os.path.join(tempfile.gettempdir(), f"weft-io-{os.getpid()}.bin")
with io.open(path, "wb") as f:
    print(type(f).__name__, f.write(b"0123456789"))
with open(path, "rb") as f:
    print(type(f).__name__, f.read(3), f.tell(), f.seek(7), f.read(), f.seek(-4, 2), f.read(2))
with open(path, "r+b") as f:
    f.seek(2); f.write(b"AB")
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read())
with open(path, "w", newline="") as f:
    f.write("a\r\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "r") as f:
    print(repr(f.read()))
with open(path, "rt") as f:
    print(f.readable(), f.writable(), f.seekable(), f.fileno() > 2, f.encoding.lower().replace("-", "") in ("utf8", "ansi_x3.41968"))
os.remove(path)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.StringIO, io.TextIOBase), io.DEFAULT_BUFFER_SIZE > 0, io.SEEK_CUR)
