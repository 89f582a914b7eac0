class Res:
    def __init__(self): self.state = "new"
    def __enter__(self):
        self.state = "open"
        return self
    def __exit__(self, typ, val, tb):
        self.state = "closed"
        print("exit with", typ.__name__ if typ else None, val, tb is not None)
with Res() as r:
    print(r.state)
print(r.state)
try:
    with Res():
        raise ValueError("x")
except ValueError:
    print("propagated")
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")
with tag("b") as n:
    print("inside", n)
