# expected: python3.13 (the reference)
import contextlib, sys, traceback
sys.stderr = sys.stdout
@contextlib.contextmanager
def cm(tag, swallow=()):
    print("enter", tag)
    try:
        yield tag
    except swallow as e:
        print("swallowed", repr(e))
    finally:
        print("exit", tag)
with cm("a") as v: print("body", v)
with cm("b", (KeyError,)): raise KeyError("k")
try:
    with cm("c"): raise ValueError("v")
except ValueError as e: print("propagated", e, e.__traceback__ is not None)
@contextlib.contextmanager
def stopper():
    yield
try:
    with stopper(): raise StopIteration("si")
except StopIteration as e: print("StopIteration propagated", e)
@contextlib.contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
@contextlib.contextmanager
def twice():
    try: yield
    except Exception: yield
try:
    with twice(): raise KeyError
except RuntimeError as e: print(e)
with contextlib.ExitStack() as st:
    st.enter_context(cm("x")); st.callback(print, "cb"); st.push(lambda *a: print("push", a[0]))
try:
    with contextlib.ExitStack() as st:
        st.callback(lambda: 1/0)
        st.callback(lambda: {}["k"])
        raise ValueError("body")
except ZeroDivisionError as e:
    print(type(e).__name__, type(e.__context__).__name__, type(e.__context__.__context__).__name__)
with contextlib.ExitStack() as st:
    st.push(lambda *a: True)
    raise KeyError("suppressed by stack")
print("after suppression")
with contextlib.suppress(KeyError):
    raise ExceptionGroup("g", [KeyError(1)])
try:
    with contextlib.suppress(KeyError):
        raise ExceptionGroup("g", [KeyError(1), ValueError(2)])
except ExceptionGroup as eg: print("rest", eg.exceptions)
@cm("deco")
def decorated(): print("in decorated")
decorated(); decorated()
print(isinstance(cm("z"), contextlib.AbstractContextManager), issubclass(open.__class__, contextlib.AbstractContextManager), contextlib.nullcontext(3).__enter__())
try:
    with contextlib.ExitStack() as st: st.enter_context(5)
except TypeError as e: print(e)
