import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0), functools.reduce(max, [3, 9, 2]))
p = functools.partial(int, base=2)
print(p("1010"), p.func is int, p.args, p.keywords)
add3 = functools.partial(lambda a, b, c: (a, b, c), 1, c=3)
print(add3(2), add3(2, c=4))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info().hits, fib.cache_info().misses)
fib.cache_clear()
print(fib.cache_info().currsize)
@functools.cache
def sq(x): return x * x
print(sq(4), sq(4), sq.cache_info().hits)
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def documented():
    "the doc"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
