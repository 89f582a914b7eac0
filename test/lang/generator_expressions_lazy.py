log = []
def src(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
g = (x * 10 for x in src(3))
print(log)
print(next(g), log)
print(list(g), log)
def outer_it():
    log.append("outer iterable evaluated")
    return range(2)
log.clear()
g2 = (a for a in outer_it())
print(log)
try:
    g3 = (a for a in 5)
except TypeError as e:
    print("TypeError at creation", e)
g4 = (1 / x for x in [1, 0])
print(next(g4))
try:
    next(g4)
except ZeroDivisionError as e:
    print("ZeroDivisionError on demand")
