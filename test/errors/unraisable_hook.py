# expected: python3.13 (3.13's unraisable report: traceback without carets)
# Exceptions nobody can catch (__del__, weakref callbacks, generator close at
# collection) go to sys.unraisablehook; the default hook prints
# "Exception ignored in: <repr>", the traceback and the exception.
import sys, weakref

def fail():
    raise ValueError("boom")

class Loud:
    def __repr__(self):
        return "<Loud>"
    def __call__(self, ref):
        x = [1][0] + 1/0

class A:
    def __del__(self):
        fail()

# default hook, objects with a stable repr
class C:
    pass
c = C()
r = weakref.ref(c, Loud())
del c

# the default hook called directly with a made-up object
def stable(args):
    sys.__unraisablehook__(type(args)((args.exc_type, args.exc_value, args.exc_traceback,
                                        args.err_msg, "<obj>")))
sys.unraisablehook = stable
a = A()
del a

# a user hook sees the UnraisableHookArgs struct sequence
seen = []
def hook(args):
    seen.append(args)
    print("hook:", type(args).__name__, args.exc_type.__name__, args.exc_value,
          args.err_msg, getattr(args.object, "__qualname__", args.object),
          type(args.exc_traceback).__name__)
sys.unraisablehook = hook
a = A()
del a

def gen():
    try:
        yield 1
    finally:
        raise KeyError("in close")
g = gen()
next(g)
del g

class D:
    def __del__(self):
        raise ValueError("in del") from KeyError("cause")
d = D()
del d
args = seen[0]
print(len(args), args[0].__name__, args[3], args.exc_value is args[1])
t = type(args)
print(t.__name__, t.__module__, t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)
print([f for f in dir(t) if not f.startswith("_") and f not in ("count", "index")])

# the hook failing: reported by the default hook with the hook as object
class BadHook:
    def __repr__(self):
        return "<BadHook>"
    def __call__(self, args):
        raise RuntimeError("bad hook")
sys.unraisablehook = BadHook()
a = A()
sys.stdout.flush()
del a

# None as hook: the default hook is used
sys.unraisablehook = None
c = C()
r = weakref.ref(c, Loud())
sys.stdout.flush()
del c

# err_msg, missing object, unprintable exceptions
def custom(args):
    sys.__unraisablehook__(type(args)((args.exc_type, args.exc_value, None,
                                        "custom message", None)))
sys.unraisablehook = custom
a = A()
del a
def notexc(args):
    sys.__unraisablehook__(type(args)((args.exc_type, "not an exception", None, None, 42)))
sys.unraisablehook = notexc
a = A()
del a
class E(Exception):
    def __str__(self):
        raise ValueError
class NoRepr:
    def __repr__(self):
        raise TypeError
def unprintable(args):
    sys.__unraisablehook__(type(args)((E, E(), None, None, NoRepr())))
sys.unraisablehook = unprintable
a = A()
del a
sys.unraisablehook = sys.__unraisablehook__
print(sys.unraisablehook is sys.__unraisablehook__)
try:
    sys.unraisablehook(1)
except TypeError as e:
    print("TypeError:", e)
sys.stderr.flush()
print("end")
