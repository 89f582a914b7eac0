def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(*args): pass
def f(**kw): pass
def f(a, *args, b, c=2, **kw): pass
def f(a, /, b): pass
def f(a, b=1, /, c=2): pass
def f(a, /): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(a,): pass
def f(a: int, b: str = "x") -> bool: pass
def f(*args: int, **kw: str): pass
def f():
    return
def f():
    return 1
def f():
    return 1, 2
