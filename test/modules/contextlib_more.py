import contextlib
@contextlib.contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__)
with swallow(KeyError):
    raise KeyError("k")
try:
    with swallow(KeyError):
        raise ValueError("v")
except ValueError:
    print("ValueError passes through")
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
@contextlib.asynccontextmanager
async def acm(name):
    print("aenter", name)
    yield name
    print("aexit", name)
async def main():
    async with acm("x") as v:
        print("body", v)
    return "ok"
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
class Reentrant(contextlib.ContextDecorator):
    def __enter__(self): print("enter deco"); return self
    def __exit__(self, *a): print("exit deco"); return False
@Reentrant()
def decorated():
    print("inside function")
decorated()
with contextlib.ExitStack() as st:
    st.callback(print, "cb 1")
    st.callback(print, "cb 2")
    moved = st.pop_all()
print("stack emptied")
moved.close()
import io
err = io.StringIO()
with contextlib.redirect_stderr(err):
    import sys
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))
