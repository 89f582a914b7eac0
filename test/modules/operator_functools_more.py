# expected: python3.13 (C module reprs and messages)
import operator as op, functools, heapq, bisect, _operator
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(op.itemgetter(1), op.itemgetter(1, "a"), op.attrgetter("a.b", "c"), op.methodcaller("f", 1, k=2))
print(op.itemgetter(0, 2)("abc"), op.attrgetter("real.bit_length")(5)(), op.methodcaller("split", ",", maxsplit=1)("a,b,c"))
err(lambda: op.itemgetter())
err(lambda: op.attrgetter(1))
err(lambda: op.methodcaller())
err(lambda: op.indexOf([1], 2))
err(lambda: op.concat(1, 2))
err(lambda: op.add(1))
err(lambda: op.length_hint([], "a"))
err(lambda: _operator._compare_digest("é", "a"))
print(op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.length_hint(iter(range(4))), op.call(max, 1, 5))
print(op.is_(None, None), op.is_not(1, None), op.truth([]), op.not_(0), op.index(True), op.matmul.__name__)
print(_operator._compare_digest(b"ab", b"ab"), _operator._compare_digest("ab", "ac"))
p = functools.partial(functools.partial(max, 1, key=abs), -5, key=len)
print(p.func, p.args, p.keywords)
p2 = functools.partial(print, sep="-")
print(repr(p2))
p2(1, 2, end="!\n")
err(lambda: functools.partial())
err(lambda: functools.partial(1))
err(lambda: functools.reduce(op.add, []))
err(lambda: functools.reduce(op.add))
print(functools.reduce(op.add, [1, 2, 3]), functools.reduce(op.add, [], 7), functools.reduce(op.mul, range(1, 6), 1))
k = functools.cmp_to_key(lambda a, b: b - a)
print(sorted([3, 1, 2], key=k), type(k(1)).__name__, k(4).obj)
err(lambda: k(1) < 2)
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
h = [5, 1, 4, 2, 3]
heapq.heapify(h)
print(h, [heapq.heappop(h) for _ in range(5)], heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, [4, 1, 3]))
err(lambda: heapq.heappop([]))
err(lambda: heapq.heappush(1, 2))
a = [1, 2, 2, 4]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 3, 0, 2))
bisect.insort(a, 3)
bisect.insort_left(a, 0, key=lambda v: v)
print(a, bisect.bisect_left([(1, "a"), (3, "b")], 2, key=lambda t: t[0]))
err(lambda: bisect.bisect_left(a, 1, -1))
