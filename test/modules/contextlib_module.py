import contextlib
@contextlib.contextmanager
def managed(name):
    print("open", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("handled in cm:", e)
    finally:
        print("close", name)
with managed("a") as v:
    print("using", v)
with managed("b"):
    raise ValueError("oops")
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(managed(n))
    stack.callback(print, "callback runs first")
class Res:
    def close(self): print("Res closed")
with contextlib.closing(Res()):
    print("in closing")
with contextlib.nullcontext(5) as n:
    print("null", n)
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
