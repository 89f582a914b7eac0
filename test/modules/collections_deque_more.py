# expected: python3.13 (deque/defaultdict messages and reprs)
from collections import deque, defaultdict
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
d = deque(range(200))
d.rotate(70)
print(d[0], d[-1], d[100], len(d), d.index(0), 5 in d, 500 in d)
d.rotate(-71)
print(d[0], d[-1])
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: d[200])
err(lambda: d["a"])
err(lambda: d.remove(1000))
err(lambda: d.index(1000))
err(lambda: deque([1], maxlen=1).insert(0, 2))
err(lambda: deque(maxlen=-1))
err(lambda: deque([1]) + [2])
err(lambda: hash(deque()))
err(lambda: defaultdict(1))
def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
err(mutate)
b = deque("abc", maxlen=4)
b *= 3
print(b, b.maxlen, deque("ab") * 2, deque() * 5, 2 * deque([0]))
b += "xy"
print(b, b == deque("bcxy"), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1]))
c = deque([1, 2, 3])
c[1] = 9
del c[0]
c.insert(-1, 7)
print(c, c.count(9), c.copy(), list(reversed(c)), bool(deque()), deque(x for x in "hi"))
r = deque()
r.append(r)
print(r)
class D(deque):
    pass
print(D([1, 2]), D("ab", 3), D("a").copy(), type(D("a").copy()).__name__)
dd = defaultdict(list, a=[1])
dd["b"].append(2)
print(dd, dd.copy(), dd | {"c": 3}, {"z": 0} | dd, defaultdict(None), type(dd | {}).__name__)
dd.default_factory = int
print(dd["n"], dd.default_factory, isinstance(dd, dict), dd == {"a": [1], "b": [2], "n": 0})
