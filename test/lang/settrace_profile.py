# expected: python3.13 (3.12+ profile events: c_call for method descriptors bound to self)
import sys

events = []

def prof(frame, event, arg):
    if event.startswith("c_"):
        name = getattr(arg, "__qualname__", None) or getattr(arg, "__name__", "?")
        owner = getattr(arg, "__self__", None)
        if owner is not None and not isinstance(owner, type(sys)):
            name = type(owner).__name__ + "." + arg.__name__
        events.append((frame.f_code.co_name, event, name))
    else:
        events.append((frame.f_code.co_name, event, repr(arg) if event == "return" else None))

def show(title):
    print(title)
    for e in events:
        print("   ", *[x for x in e if x is not None])
    events.clear()

def helper(v):
    return v * 2

def work(items):
    items.append(len(items))
    total = sum(items)
    s = "-".join(str(i) for i in items)
    return helper(total), s, max(1, 2), list.append(items, 9)

sys.setprofile(prof)
r = work([1, 2])
sys.setprofile(None)
print(r)
show("calls")

def failing():
    try:
        "abc".index("z")
    except ValueError:
        pass
    return len(5)

sys.setprofile(prof)
try:
    failing()
except TypeError as e:
    print("TypeError:", e)
sys.setprofile(None)
show("c_exception")

def gen():
    yield 1
    yield 2

sys.setprofile(prof)
for v in gen():
    pass
sys.setprofile(None)
show("generator")

# A profile function that raises is removed.
def bad(frame, event, arg):
    if event == "c_call":
        raise OSError("profiler")
sys.setprofile(bad)
try:
    len([])
except OSError as e:
    print("profiler error:", e)
print(sys.getprofile())

# The profiler sees calls made from C (sorted's key) and keyword calls.
sys.setprofile(prof)
print(sorted([3, 1, 2], key=helper), dict(a=1), "x".split(sep="x"))
sys.setprofile(None)
show("from C and keywords")

print(sys.getprofile() is None, sys.gettrace() is None)
