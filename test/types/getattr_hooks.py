class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.x_hello, getattr(d, "x_y"), hasattr(d, "nope"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append("get " + name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        self.log.append("set " + name)
        object.__setattr__(self, name, v)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
_ = l.a
del l.a
print(l.log)
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name
print(Fallback().anything)
