def f(kind):
    try:
        if kind == 1: raise ValueError("v")
        if kind == 2: raise KeyError("k")
        if kind == 3: raise TypeError("t")
        return "no error"
    except ValueError as e:
        return "ValueError " + str(e)
    except (KeyError, IndexError) as e:
        return "lookup " + repr(e)
    except Exception as e:
        return "other " + type(e).__name__
for k in range(4):
    print(f(k))
try:
    try:
        1 / 0
    except ValueError:
        print("no")
except ZeroDivisionError as e:
    print("outer caught", e)
e = "before"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError: e was deleted")
try:
    raise ValueError("bare")
except:
    print("bare except")
