def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    x = yield y
    yield from z
    x = yield from z
    await z
    return (yield)
    f((yield))
    yield *a, b
