# expected: python3.13 (uncaught nested exception group: margins, chains inside, width and depth limits)
import sys

def fail(i):
    raise ValueError(f"leaf {i}")

def collect(n):
    out = []
    for i in range(n):
        try:
            fail(i)
        except ValueError as e:
            out.append(e)
    return out

def deep(d):
    if d == 0:
        return KeyError("bottom")
    return ExceptionGroup(f"level {d}", [deep(d - 1)])

chained = None
try:
    try:
        raise OSError("first")
    except OSError:
        raise RuntimeError("second")
except RuntimeError as e:
    chained = e

noted = TypeError("with notes")
noted.add_note("note one")
noted.add_note("note two\nspans lines")

wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
inner = ExceptionGroup("inner", collect(2) + [chained, noted])
sys.stdout.flush()
try:
    raise ExceptionGroup("outer", [inner, wide, deep(12), ZeroDivisionError("last")])
except ExceptionGroup as eg:
    raise RuntimeError("wrapping") from eg
