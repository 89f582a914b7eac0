import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "m.txt")
with open(p, "x") as f:
    f.write("created")
with open(p, "a") as f:
    print(f.tell() if False else "", f.write("+appended"))
with open(p, "r+") as f:
    print(f.read(7))
    f.seek(0)
    f.write("CREATED")
with open(p) as f:
    print(f.read())
with open(p, "w+") as f:
    f.write("rewritten")
    f.seek(0)
    print(f.read())
with open(p, "ab+") as f:
    f.write(b"!")
    f.seek(0)
    print(f.read())
with open(p, "rb") as f:
    print(f.readline(), f.read(0), f.readable(), f.writable())
fd = os.open(p, os.O_RDONLY)
with open(fd, closefd=True) as f:
    print(f.read())
with open(p, "w", encoding="utf-16") as f:
    f.write("é")
with open(p, "rb") as f:
    print(len(f.read()))
with open(p, "w", encoding="ascii", errors="replace") as f:
    f.write("é!")
with open(p) as f:
    print(f.read())
os.remove(p); os.rmdir(d)
