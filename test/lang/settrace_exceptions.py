# expected: python3.13 (3.12+ legacy tracing: exception/return events, failing tracers)
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name == "<module>":
        return None
    rec = [frame.f_code.co_name, event, frame.f_lineno - FIRST]
    if event == "exception":
        rec += [arg[0].__name__, str(arg[1]), type(arg[2]).__name__]
    elif event == "return":
        rec.append(repr(arg))
    events.append(tuple(rec))
    return tracer

def show(title):
    print(title)
    for e in events:
        print("   ", *e)
    events.clear()

FIRST = sys._getframe().f_lineno

def inner(x):
    return 10 // x

def middle(x):
    return inner(x) + 1

def outer(x):
    try:
        return middle(x)
    except ZeroDivisionError:
        return "div"

sys.settrace(tracer)
print(outer(0), outer(5))
sys.settrace(None)
show("propagation")

def reraiser():
    try:
        raise KeyError("a")
    except KeyError:
        raise

def chain():
    try:
        reraiser()
    except KeyError as e:
        raise ValueError("b") from e

sys.settrace(tracer)
try:
    chain()
except ValueError as e:
    print("caught", repr(e), repr(e.__cause__))
sys.settrace(None)
show("reraise and chain")

# A local trace function that raises: the exception propagates, tracing
# stops for the thread.
def bad_local(frame, event, arg):
    if event == "line" and frame.f_lineno == victim.__code__.co_firstlineno + 2:
        raise RuntimeError("from tracer")
    return bad_local

def bad_global(frame, event, arg):
    if frame.f_code.co_name == "victim":
        return bad_local
    return None

def victim():
    a = 1
    b = 2
    return a + b

sys.settrace(bad_global)
try:
    victim()
except RuntimeError as e:
    print("tracer error:", e)
print("gettrace after error:", sys.gettrace())
sys.settrace(None)

# The global function raising on 'call'.
def bad_call(frame, event, arg):
    raise LookupError("no calls")

def plain():
    return 1

sys.settrace(bad_call)
try:
    plain()
except LookupError as e:
    print("call error:", e)
print("gettrace:", sys.gettrace())

# Local tracer returning None keeps the local tracer (CPython semantics);
# the global one returning None for a frame disables its local events.
seen = []
def keep(frame, event, arg):
    seen.append((frame.f_code.co_name, event))
    return None
def global_fn(frame, event, arg):
    if frame.f_code.co_name == "traced_fn":
        return keep
    return None
def traced_fn():
    x = 1
    return untraced_fn(x)
def untraced_fn(x):
    y = x
    return y
sys.settrace(global_fn)
traced_fn()
sys.settrace(None)
print(seen)

# Exceptions raised and caught inside the tracer are not reported.
def noisy(frame, event, arg):
    try:
        {}["missing"]
    except KeyError:
        pass
    events.append((frame.f_code.co_name, event))
    return noisy
def quiet():
    return 1
sys.settrace(noisy)
quiet()
sys.settrace(None)
print(events)
