# expected: python3.13
# heapq, bisect, functools and operator with seeded random inputs; results
# and error messages printed (compared with CPython).
import random, heapq, bisect, functools, operator

rng = random.Random(7)
for i in range(30):
    a = [rng.randrange(50) for _ in range(rng.randrange(25))]
    h = list(a)
    heapq.heapify(h)
    out = []
    for _ in range(rng.randrange(10)):
        op = rng.randrange(5)
        x = rng.randrange(50)
        try:
            if op == 0: heapq.heappush(h, x); out.append(None)
            elif op == 1: out.append(heapq.heappop(h))
            elif op == 2: out.append(heapq.heapreplace(h, x))
            elif op == 3: out.append(heapq.heappushpop(h, x))
            else: out.append(heapq.nsmallest(3, h) + heapq.nlargest(2, h, key=lambda v: -v))
        except IndexError as e:
            out.append(str(e))
    print('heap', out, sorted(h) == [heapq.heappop(h) for _ in range(len(h))])
    s = sorted(a)
    x = rng.randrange(-2, 52)
    lo = rng.randint(0, len(s)); hi = rng.choice([None, rng.randint(lo, len(s))])
    args = (lo,) if hi is None else (lo, hi)
    print('bisect', bisect.bisect_left(s, x, *args), bisect.bisect_right(s, x, *args),
          bisect.bisect(s, x, key=lambda v: v * 1) if True else 0)
    t = list(s); bisect.insort_left(t, x); bisect.insort(t, x + 1, key=None); print('insort', t == sorted(s + [x, x + 1]))
    print('reduce', functools.reduce(operator.add, a, 0), functools.reduce(max, a or [0]),
          functools.reduce(lambda p, q: p * 31 + q, a, 1) % 1000003)
    k = functools.cmp_to_key(lambda p, q: (p % 7 > q % 7) - (p % 7 < q % 7) or (q > p) - (q < p))
    print('cmp', sorted(a, key=k))
    p = functools.partial(rng.choice([max, min, operator.sub]), rng.randrange(9))
    print('partial', repr(p).split(' at ')[0], p(3) if p.func is not max or True else 0)
    ig = operator.itemgetter(*range(min(3, len(a)) or 1))
    try:
        print('itemgetter', ig(a))
    except IndexError as e:
        print('itemgetter', e)
    print('ops', [f(rng.randrange(1, 9), rng.randrange(1, 9)) for f in
                  (operator.floordiv, operator.mod, operator.pow, operator.lshift, operator.and_, operator.xor, operator.lt, operator.ne)])
try:
    heapq.heappush([], )
except TypeError as e:
    print(e)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
@functools.lru_cache(maxsize=3, typed=True)
def f(x):
    return x * 2
for v in [1, 1.0, 2, 1, 3, 4, 1, True]:
    f(v)
print(f.cache_info(), f.__wrapped__(5), f.cache_parameters())
print(functools.partial(functools.partial(max, 1), 2, key=abs), operator.attrgetter('a.b', 'c'), operator.methodcaller('m', 1, k=2))
