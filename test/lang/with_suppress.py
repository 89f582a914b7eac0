class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__)
            return True
        return None
with Suppress(KeyError):
    {}["x"]
    print("not reached")
print("after")
try:
    with Suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")
def f():
    with Suppress(ValueError):
        return "returned through with"
print(f())
for i in range(3):
    with Suppress():
        if i == 1:
            continue
        print("loop", i)
