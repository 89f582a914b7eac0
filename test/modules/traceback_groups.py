# expected: python3.13 (the reference)
import traceback, sys
sys.stderr = sys.stdout
def inner():
    raise ExceptionGroup("inner", [KeyError('k'), ExceptionGroup("deeper", [OSError(2, 'no')])])
try:
    try:
        inner()
    except ExceptionGroup as e:
        raise ExceptionGroup("outer", [e, ValueError("v")]) from TypeError("cause")
except Exception:
    traceback.print_exc()
big = ExceptionGroup("many", [ValueError(i) for i in range(20)])
traceback.print_exception(big)
print(''.join(traceback.format_exception(big, chain=False))[:120])
try:
    raise ExceptionGroup("top", [RuntimeError("x")])
except ExceptionGroup as e:
    print(traceback.format_exception_only(e, show_group=True))
