# expected: python3.13
# itertools functions called with seeded random arguments; every result or
# error message printed (compared with CPython).
import random, itertools, operator

rng = random.Random(99)
def rl(n=8):
    return [rng.randrange(10) for _ in range(rng.randrange(n))]
def show(name, f):
    try:
        r = f()
        if not isinstance(r, (int, bool)):
            r = list(itertools.islice(r, 60))
    except Exception as ex:
        r = type(ex).__name__ + ': ' + str(ex)
    print(name, r)
for i in range(40):
    a, b, c = rl(), rl(), rl()
    n = rng.randint(-1, 4)
    s1, s2, s3 = [rng.choice([None, rng.randint(-2, 9)]) for _ in range(3)]
    show('islice', lambda: itertools.islice(a, s1, s2, s3))
    show('islice2', lambda: itertools.islice(a, s2))
    show('comb', lambda: itertools.combinations(a[:6], n))
    show('cwr', lambda: itertools.combinations_with_replacement(b[:4], n))
    show('perm', lambda: itertools.permutations(c[:5], n if n != 4 else None))
    show('prod', lambda: itertools.product(a[:3], b[:3], repeat=max(n, 0) % 3))
    show('acc', lambda: itertools.accumulate(a, rng.choice([operator.add, operator.mul, max, min]), initial=rng.choice([None, 5])))
    show('groupby', lambda: ((k, list(g)) for k, g in itertools.groupby(sorted(a), key=lambda v: v // 3)))
    show('zipl', lambda: itertools.zip_longest(a, b, c, fillvalue=rng.choice([None, '-'])))
    show('batched', lambda: itertools.batched(a, n))
    show('pairwise', lambda: itertools.pairwise(b))
    show('compress', lambda: itertools.compress(a, b))
    show('dropwhile', lambda: itertools.dropwhile(lambda v: v < n + 3, a))
    show('takewhile', lambda: itertools.takewhile(lambda v: v < n + 3, a))
    show('filterfalse', lambda: itertools.filterfalse(None if n < 1 else (lambda v: v % 2), a))
    show('starmap', lambda: itertools.starmap(operator.sub, zip(a, b)))
    show('count', lambda: itertools.islice(itertools.count(n, rng.choice([1, -2, 0.5])), 5))
    show('repeat', lambda: itertools.repeat(n, n))
    show('cycle', lambda: itertools.islice(itertools.cycle(c), 12))
    show('tee', lambda: [list(t) for t in itertools.tee(a, max(n, 0))])
    show('chain', lambda: itertools.chain.from_iterable([a, b, c]))
    show('reprs', lambda: [repr(itertools.count(n, s1 or 1)), repr(itertools.repeat('x', max(n, 0))), repr(itertools.repeat(n))])
