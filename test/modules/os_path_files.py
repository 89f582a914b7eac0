import os, tempfile
base = tempfile.mkdtemp()
f = os.path.join(base, "a.txt")
with open(f, "w") as fh:
    fh.write("12345")
print(os.path.isfile(f), os.path.isdir(base), os.path.getsize(f), os.path.exists(f + ".no"))
os.symlink(f, os.path.join(base, "link"))
link = os.path.join(base, "link")
print(os.path.islink(link), os.path.realpath(link) == os.path.realpath(f), os.readlink(link) == f)
os.utime(f, (1000000000, 1000000000))
print(int(os.path.getmtime(f)), int(os.stat(f).st_atime))
print(os.path.samefile(f, link), os.path.basename(os.path.realpath(link)))
os.remove(link); os.remove(f); os.rmdir(base)
print(os.path.exists(base))
