log = []
def gen():
    try:
        for i in range(5):
            yield i
    finally:
        log.append("cleanup")
for v in gen():
    if v == 2:
        break
print(log)
g = gen()
next(g)
del g
print(log)
def with_gen():
    class CM:
        def __enter__(self): log.append("enter")
        def __exit__(self, *a): log.append("exit"); return False
    with CM():
        yield 1
        yield 2
w = with_gen()
next(w)
w.close()
print(log)
def gen_return_in_finally():
    try:
        yield 1
    finally:
        return "x"
r = gen_return_in_finally()
next(r)
r.close()
print("closed ok")
