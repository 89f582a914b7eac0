# Exceptions raised inside C code (dict KeyError, ZeroDivisionError, ...) while another
# exception is being handled get it as __context__, as a Python raise does; ExitStack
# relies on that to chain the callbacks' exceptions like nested with blocks.
import contextlib

def ctx_of(fn):
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            fn()
        except BaseException as e:
            return type(e).__name__, repr(e.__context__)

print(ctx_of(lambda: {}["k"]))
print(ctx_of(lambda: {}.pop("k")))
print(ctx_of(lambda: 1 / 0))
print(ctx_of(lambda: [][3]))
print(ctx_of(lambda: int("x")))
print(ctx_of(lambda: {1: 2}.__delitem__(5)))
print(ctx_of(lambda: set().remove(3)))

try:
    with contextlib.ExitStack() as st:
        st.callback(lambda: 1 / 0)
        st.callback(lambda: {}["k"])
        st.callback(lambda: [][0])
        raise ValueError("body")
except ZeroDivisionError as e:
    chain = []
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__context__
    print(chain)
