import os, tempfile
p = os.path.join(tempfile.gettempdir(), f"weft-iter-{os.getpid()}.bin")
with open(p, "wb") as f:
    f.write(bytes(range(10)))
with open(p, "rb") as f:
    chunks = list(iter(lambda: f.read(4), b""))
print(chunks)
os.remove(p)
import random
r = random.Random(3)
rolls = list(iter(lambda: r.randint(1, 6), 6))
print(rolls)
