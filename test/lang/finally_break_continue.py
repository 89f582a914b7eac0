# break and continue inside finally, and finally overriding an exception
def f():
    for i in range(5):
        try:
            if i == 1:
                raise ValueError("dropped by break")
        finally:
            if i == 1:
                break
    return i
print(f())
def g():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(g())
def h():
    while True:
        try:
            return "from try"
        finally:
            break
    return "after loop"
print(h())
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
