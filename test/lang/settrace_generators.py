# expected: python3.13 (3.12+ legacy tracing events of generators and coroutines)
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name == "<module>":
        return None
    rec = [frame.f_code.co_name, event]
    if event == "line":
        rec.append(frame.f_lineno - FIRST)
    elif event == "return":
        rec.append(repr(arg))
    elif event == "exception":
        rec.append(arg[0].__name__)
    events.append(tuple(rec))
    return tracer

def show(title):
    print(title)
    for e in events:
        print("   ", *e)
    events.clear()

FIRST = sys._getframe().f_lineno

def gen(n):
    for i in range(n):
        yield i
    return "done"

def delegating():
    r = yield from gen(2)
    yield r

def echo():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return total

def catcher():
    try:
        yield 1
    except ValueError:
        yield "caught"

async def co_inner():
    return 5

async def co_outer():
    v = await co_inner()
    return v * 2

sys.settrace(tracer)
print(list(gen(2)))
sys.settrace(None)
show("gen")

sys.settrace(tracer)
print(list(delegating()))
sys.settrace(None)
show("yield from")

sys.settrace(tracer)
e = echo()
next(e)
e.send(3)
e.send(4)
try:
    e.send(None)
except StopIteration as stop:
    print("stop", stop.value)
sys.settrace(None)
show("send")

sys.settrace(tracer)
c = catcher()
next(c)
print(c.throw(ValueError("v")))
c.close()
sys.settrace(None)
show("throw/close")

sys.settrace(tracer)
co = co_outer()
try:
    co.send(None)
except StopIteration as stop:
    print("coroutine", stop.value)
sys.settrace(None)
show("coroutine")

sys.settrace(tracer)
print(sum(x * x for x in range(3)))
sys.settrace(None)
show("genexpr")
