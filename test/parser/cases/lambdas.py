lambda: 0
lambda x: x
lambda x, y=1: x
lambda *a, **k: 0
lambda a, /, b, *, c: 0
lambda *, a=1: a
lambda a=1, /, b=2: 0
lambda x: (yield)
lambda x: lambda y: x + y
