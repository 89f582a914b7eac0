import threading
res = []
def f(a, b=2, *rest, key=None, **kw):
    res.append((a, b, rest, key, sorted(kw.items())))
specs = [((1,), {}), ((1, 3, 4, 5), {"key": "k"}), ((), {"a": 9, "extra": True})]
for args, kwargs in specs:
    t = threading.Thread(target=f, args=args, kwargs=kwargs)
    t.start(); t.join()
print(res)
t = threading.Thread(target=f, args=[7])
t.start(); t.join()
print(res[-1])
