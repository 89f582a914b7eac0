# expected: python3.13 (unraisable exceptions raised by C code name the running frame)
import sys
def hook(u):
    tb = u.exc_traceback
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, u.object is not None)
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("  tb:", frames, u.exc_value.__traceback__ is u.exc_traceback)
sys.unraisablehook = hook

class A:
    __del__ = 5

def f():
    a = A()
    del a
    print("after")
f()

class B:
    def __del__(self):
        raise KeyError("k")
def g():
    b = B()
    b = None
g()

def gen():
    try:
        yield 1
    finally:
        raise ValueError("in close")
def h():
    it = gen()
    next(it)
    del it
h()
sys.unraisablehook = sys.__unraisablehook__
sys.stdout.flush()
def k():
    x = A()
    del x
k()
