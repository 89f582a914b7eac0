def use_undefined():
    return undefined_variable
def use_before_assign():
    print(x)
    x = 1
def free_var():
    def inner():
        return y
    try:
        return inner()
    finally:
        pass
    y = 1
cases = [use_undefined, use_before_assign, free_var, lambda: eval("nope"), lambda: exec("del never_defined")]
for c in cases:
    try:
        c()
    except NameError as e:
        print(type(e).__name__, e, isinstance(e, NameError))
try:
    del some_global
except NameError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError), NameError("x").name if hasattr(NameError("x"), "name") else None)
