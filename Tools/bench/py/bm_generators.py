# Generator-heavy: pipelines of generators, yield from, generator expressions.
def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def chained(n):
    yield from naturals(n)
    yield from (-x for x in naturals(n))

def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)

def main():
    a = sum(squares(evens(naturals(400000))))
    b = sum(chained(200000))
    c = sum(tree(15))
    d = sum(x for x in range(300000) if x % 3 == 0)
    print(a, b, c, d)

main()
