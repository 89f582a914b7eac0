# expected: python3.13 (3.12+ line events; frame attributes tracers use)
import sys
from collections import Counter

# A coverage-like line counter over a small program.
hits = Counter()

def counter(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == "line":
        hits[frame.f_lineno - BASE] += 1
    return counter

BASE = sys._getframe().f_lineno

def classify(n):
    if n % 15 == 0:
        return "fizzbuzz"
    if n % 3 == 0:
        return "fizz"
    if n % 5 == 0:
        return "buzz"
    return str(n)

def program():
    out = []
    n = 1
    while n <= 15:
        out.append(classify(n))
        n += 1
    squares = {k: k * k for k in range(4) if k % 2}
    try:
        out[100]
    except IndexError:
        out.append("idx")
    return len(out), squares

sys.settrace(counter)
result = program()
sys.settrace(None)
print(result)
for line, count in sorted(hits.items()):
    print(line, count)

# Frame attributes seen from a tracer.
seen = []
def attrs(frame, event, arg):
    if frame.f_code.co_name == "callee":
        if event == "call":
            seen.append(("call", frame.f_lineno == frame.f_code.co_firstlineno,
                         frame.f_back.f_code.co_name, sorted(frame.f_locals),
                         frame.f_trace_lines, frame.f_trace_opcodes, frame.f_trace))
        elif event == "line":
            seen.append(("line", dict(frame.f_locals)))
        elif event == "return":
            seen.append(("return", arg, frame.f_trace is attrs))
        return attrs
    return None

def callee(a, b=2):
    c = a + b
    return c * 2

def caller():
    return callee(1)

sys.settrace(attrs)
caller()
sys.settrace(None)
for s in seen:
    print(*s)

# f_trace_lines = False: no line events; f_trace_opcodes: opcode events.
kinds = Counter()
def selective(frame, event, arg):
    if frame.f_code.co_name == "quiet":
        frame.f_trace_lines = False
    elif frame.f_code.co_name == "opcodes":
        frame.f_trace_opcodes = True
    else:
        return None
    kinds[frame.f_code.co_name, event] += 1
    return selective

def quiet():
    x = 1
    y = 2
    return x + y

def opcodes():
    return 1 + 1

sys.settrace(selective)
quiet()
opcodes()
sys.settrace(None)
print(sorted(k for k in kinds if k[0] == "quiet"))
print(kinds["opcodes", "line"], kinds["opcodes", "opcode"] > 0, kinds["opcodes", "return"])

try:
    sys._getframe().f_trace_lines = 1
except TypeError as e:
    print("TypeError:", e)
try:
    sys._getframe().f_trace_opcodes = None
except TypeError as e:
    print("TypeError:", e)

# pdb style: trace the running frame from the next line on.
lines = []
def local(frame, event, arg):
    lines.append((event, frame.f_lineno - start))
    return local
def global_(frame, event, arg):
    return None
def running():
    f = sys._getframe()
    f.f_trace = local
    sys.settrace(global_)
    a = 1
    b = 2
    sys.settrace(None)
    return a + b
start = running.__code__.co_firstlineno
running()
print(lines)

# sys.call_tracing runs a function with tracing on from inside a tracer.
inner = []
def outer_tracer(frame, event, arg):
    if frame.f_code.co_name == "target" and event == "call":
        sys.call_tracing(nested_work, (3,))
    if frame.f_code.co_name == "nested_work":
        inner.append(event)
    return None
def nested_work(n):
    return n
def target():
    return 0
sys.settrace(outer_tracer)
target()
sys.settrace(None)
print(inner)
