import sys, os, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, f"weft_tmp_mod_{os.getpid()}.py"), "w") as f:
    f.write("VALUE = 'loaded from a temp dir'\n")
sys.path.insert(0, d)
mod = __import__(f"weft_tmp_mod_{os.getpid()}")
print(mod.VALUE)
sys.path.remove(d)
os.remove(mod.__file__)
import shutil
shutil.rmtree(d)
print(os.path.exists(d))
