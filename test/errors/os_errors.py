import os, errno, tempfile
def show(f):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, errno.errorcode.get(e.errno), e.strerror)
show(lambda: os.listdir("/no/such/dir/weft"))
show(lambda: os.rmdir("/no/such/dir/weft"))
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
open(p, "w").close()
show(lambda: os.listdir(p))
show(lambda: os.mkdir(d))
show(lambda: os.rmdir(d))
show(lambda: open(os.path.join(p, "x")))
show(lambda: os.remove(d))
show(lambda: os.chdir(p))
os.remove(p); os.rmdir(d)
e = FileNotFoundError(errno.ENOENT, "not here", "somefile")
print(e, e.errno == errno.ENOENT, e.filename)
print(OSError(errno.EACCES, "x").__class__.__name__, OSError(errno.EPIPE, "x").__class__.__name__, OSError("plain").errno)
