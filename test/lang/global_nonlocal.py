g = 1
def read():
    return g
def write():
    global g
    g = 2
print(read()); write(); print(g)
def define_new():
    global newname
    newname = "created"
define_new()
print(newname)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
    inner(); inner()
    return x
print(outer())
def shadow():
    g = "local"
    return g
print(shadow(), g)
def unbound():
    try:
        print(g)
        g = 5
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
unbound()
