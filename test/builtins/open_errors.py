import os, tempfile
try:
    open("/nonexistent_dir_weft/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
d = tempfile.mkdtemp()
try:
    open(d)
except IsADirectoryError as e:
    print("IsADirectoryError", e.strerror)
p = os.path.join(d, "f")
with open(p, "w") as f:
    pass
try:
    open(p, "xz")
except ValueError as e:
    print("ValueError", e)
try:
    open(p, "x")
except FileExistsError as e:
    print("FileExistsError", e.strerror)
f = open(p)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
with open(p, "w") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
os.remove(p)
os.rmdir(d)
