f = lambda x: x if x else None
g = lambda: (yield)
