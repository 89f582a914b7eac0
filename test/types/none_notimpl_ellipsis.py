print(None, repr(None), type(None).__name__, None is None, bool(None), None == None)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis)
print((1).__eq__("a"), (1).__add__("a"), (1).__lt__(2))
def f(): pass
print(f() is None, [None] * 2, {None: 1}[None], type(None)() is None)
try:
    None.x
except AttributeError as e:
    print("AttributeError", e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print("TypeError", e)
