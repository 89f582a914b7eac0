import os, tempfile
print(os.path.expandvars("$WEFT_UNSET_VAR/x") == "$WEFT_UNSET_VAR/x")
os.environ["WEFT_SET_VAR"] = "val"
print(os.path.expandvars("${WEFT_SET_VAR}/x"), os.path.expandvars("$WEFT_SET_VAR"))
print(os.fspath("p"), os.fsencode("é"), os.fsdecode(b"abc"), os.getcwd() == os.path.abspath("."))
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("x")
os.replace(p, p + ".new")
print(os.listdir(d))
st = os.stat(p + ".new")
import stat
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode), st.st_nlink, st.st_size)
os.truncate(p + ".new", 0)
print(os.path.getsize(p + ".new"))
os.unlink(p + ".new")
os.rmdir(d)
print(os.path.exists(d), isinstance(os.getppid(), int), isinstance(os.umask(0o22), int), os.devnull)
print(os.strerror(2), os.path.join(*["a", "b", "c"]), os.sep.join(["x", "y"]))
