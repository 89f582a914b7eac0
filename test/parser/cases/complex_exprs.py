x = [a for b in c if d if e for f in g]
y = {k: [v for v in vs] for k, vs in items}
z = f(*args, **{"a": 1})[0].b(c)[d:e]
w = (yield)
