import os, tempfile, sys
p = os.path.join(tempfile.gettempdir(), f"weft-print-{os.getpid()}.txt")
with open(p, "w") as f:
    print("line", 1, file=f)
    print("a", "b", sep=":", end="!\n", file=f)
    print(file=f)
with open(p) as f:
    print(repr(f.read()))
os.remove(p)
class Collector:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
c = Collector()
print("x", "y", file=c)
print(c.parts)
class NoWrite: pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError", e)
print("done", file=sys.stdout)
