# expected: python3.13 (trace events of throw() into an unstarted generator and of close())
# throw() into a generator that never ran reports 'call' (then 'exception'
# and 'return'); close() of a generator suspended outside any try/with
# block does not run its frame (no events), inside one it does.
import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name.startswith("g"):
        events.append((frame.f_code.co_name, event, frame.f_lineno,
                       arg[0].__name__ if event == "exception" else None))
    return tracer

def gen():
    yield 1
    yield 2

def g2():
    try:
        yield 1
    except KeyError:
        yield 5

def g3():
    try:
        yield 1
    finally:
        print("g3 finally")

sys.settrace(tracer)
it = gen()
try:
    it.throw(ValueError("x"))
except ValueError:
    pass
print(it.gi_frame)
it2 = g2()
next(it2)
print(it2.throw(KeyError("k")))
it3 = gen()
it3.close()
it4 = gen()
next(it4)
it4.close()
print(it4.gi_frame, it4.gi_running)
it5 = g3()
next(it5)
it5.close()
sys.settrace(None)
for e in events:
    print(e)
