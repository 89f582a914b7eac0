import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "data.txt")
with open(p, "w") as f:
    n = f.write("line1\nline2\n")
    f.write("line3")
print(n)
with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(p) as f:
    print([l.rstrip() for l in f])
with open(p, "a") as f:
    f.write("\nappended")
with open(p, "r") as f:
    print(f.read().splitlines()[-1], f.closed, f.name == p, f.mode)
print(f.closed)
with open(p, "rb") as f:
    print(f.read(5), f.tell())
    f.seek(0)
    print(f.read(1))
with open(p, "wb") as f:
    f.write(bytes([0, 255, 10]))
with open(p, "rb") as f:
    print(f.read())
with open(p, "w", encoding="utf-8") as f:
    f.write("héllo €")
with open(p, encoding="utf-8") as f:
    print(f.read())
print(os.path.getsize(p))
os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
