def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else")
        return r
    finally:
        print("finally")
print(f(2))
print(f(0))
def g():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
def k():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("cleanup", i)
    return i
print(k())
def m():
    for i in range(3):
        try:
            continue
        finally:
            print("fin", i)
m()
def swallow():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(swallow())
