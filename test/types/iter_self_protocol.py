class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))
c2 = Countdown(4)
it = iter(c2)
print(next(it), [x for x in c2])
class Reusable:
    def __init__(self, data): self.data = data
    def __iter__(self):
        for x in self.data:
            yield x
r = Reusable("ab")
print(list(r), list(r), list(zip(r, r)))
class StopAfterNone:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration("done")
        return self.i
s = StopAfterNone()
print(list(s), next(s, "exhausted"))
