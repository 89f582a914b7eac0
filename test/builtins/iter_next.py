it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
vals = [5, 4, 3, 0, 7]
pos = iter(vals)
print(list(iter(lambda: next(pos), 0)))
import io
f = io.StringIO("a\nb\n\nc\n")
print(list(iter(f.readline, "\n")))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError", e)
s = iter("ab")
print(iter(s) is s, type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__)
