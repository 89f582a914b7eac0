# expected: python3.13 (line events follow 3.12+ rules: inlined comprehensions)
import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    name = frame.f_code.co_name
    if event == "line":
        events.append((name, event, frame.f_lineno - FIRST))
    elif event == "return":
        events.append((name, event, type(arg).__name__ if type(arg).__name__ == "CM" else repr(arg)))
    elif event == "exception":
        events.append((name, event, arg[0].__name__, str(arg[1])))
    else:
        events.append((name, event))
    return tracer

def run(fn, *args):
    events.clear()
    sys.settrace(tracer)
    try:
        result = fn(*args)
    finally:
        sys.settrace(None)
    print(fn.__name__, "->", result)
    for e in events:
        if e[0] != "run":
            print("   ", *e)

FIRST = sys._getframe().f_lineno

def loop_for(n):
    total = 0
    for i in range(n):
        total += i
    return total

def loop_while(n):
    i = 0
    while i < n:
        i += 1
    return i

def one_line_loop(n):
    k = 0
    for i in range(n): k += i
    return k

def branches(x):
    if x > 0:
        s = "pos"
    elif x < 0:
        s = "neg"
    else:
        s = "zero"
    return s

def break_continue():
    out = []
    for i in range(6):
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append(-1)
    return out

def nested():
    acc = []
    for i in range(2):
        for j in range(2):
            acc.append((i, j))
    return acc

def try_except():
    try:
        x = 1 // 0
    except ZeroDivisionError as e:
        x = -1
    finally:
        y = 2
    return x + y

def try_else():
    try:
        x = 1
    except ValueError:
        x = 2
    else:
        x = 3
    return x

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return True

def with_stmt():
    with CM() as c:
        a = 1
        raise KeyError("k")
    b = 2
    return a + b

def comprehensions():
    a = [x * 2 for x in range(3)]
    b = {x: x for x in range(2)}
    c = list(x for x in range(2))
    return a, b, c

def multi_line_call():
    return max(
        1,
        2,
    )

def passes():
    pass
    if True:
        pass
    return None

def lambda_call():
    f = lambda v: v + 1
    return f(1)

for fn, args in [(loop_for, (3,)), (loop_while, (2,)), (one_line_loop, (3,)),
                 (branches, (1,)), (branches, (-1,)), (branches, (0,)),
                 (break_continue, ()), (nested, ()), (try_except, ()), (try_else, ()),
                 (with_stmt, ()), (comprehensions, ()), (multi_line_call, ()),
                 (passes, ()), (lambda_call, ())]:
    run(fn, *args)
