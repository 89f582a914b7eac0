class Count:
    def __init__(self, n): self.n = n
    def __iter__(self):
        return CountIter(self.n)
class CountIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
c = Count(3)
print(list(c), list(c), sum(c), 2 in c, 5 in c)
for v in c: print("v", v)
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), list(zip(Seq(), "abcdef")))
a, b, *c = Count(5)
print(a, b, c)
class GenIter:
    def __iter__(self):
        yield from "xyz"
print(list(GenIter()), "".join(GenIter()))
