import os, tempfile
d = tempfile.mkdtemp(prefix="weft-")
old = os.getcwd()
os.chdir(d)
print(os.getcwd() == os.path.realpath(d))
for n in ("b.txt", "a.txt", "c.dat"):
    with open(n, "w") as f:
        f.write(n)
os.mkdir("sub")
print(sorted(os.listdir(".")), sorted(os.listdir(d)) == sorted(os.listdir()))
os.rename("c.dat", "sub/c.dat")
print(sorted(os.listdir("sub")), os.path.isdir("sub"), os.stat("a.txt").st_size)
entries = sorted((e.name, e.is_dir()) for e in os.scandir("."))
print(entries)
walk = [(os.path.relpath(root, d), sorted(dirs), sorted(files)) for root, dirs, files in os.walk(d)]
print(sorted(walk))
os.makedirs("x/y/z", exist_ok=True)
os.makedirs("x/y/z", exist_ok=True)
try:
    os.mkdir("x")
except FileExistsError:
    print("FileExistsError")
os.removedirs("x/y/z")
os.remove("sub/c.dat"); os.rmdir("sub")
for n in ("a.txt", "b.txt"):
    os.unlink(n)
print(os.listdir("."))
os.chdir(old)
os.rmdir(d)
print(os.path.exists(d), os.getpid() > 0, os.sep, os.linesep == "\n", os.name, os.curdir, isinstance(os.cpu_count(), int))
