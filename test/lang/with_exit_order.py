# several managers exit in reverse order, and an inner __exit__ can suppress
class CM:
    def __init__(self, n, suppress=False):
        self.n, self.suppress = n, suppress
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else "-")
        return self.suppress
with CM(1), CM(2, suppress=True), CM(3):
    raise RuntimeError
print("done")
class Bad:
    def __enter__(self): raise ValueError("enter failed")
    def __exit__(self, *a): print("never")
try:
    with CM(1), Bad():
        print("never body")
except ValueError as e:
    print(e)
