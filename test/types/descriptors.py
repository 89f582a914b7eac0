class Verbose:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor on class " + objtype.__name__
        print("get", self.name)
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        print("set", self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class C:
    x = Verbose()
c = C()
c.x = 5
print(c.x)
del c.x
print(c.x)
print(C.x)
class NonData:
    def __get__(self, obj, t=None):
        return "nondata"
class D:
    y = NonData()
d = D()
print(d.y)
d.__dict__["y"] = "instance wins"
print(d.y)
class Data:
    def __get__(self, obj, t=None): return "data"
    def __set__(self, obj, v): pass
class E:
    z = Data()
e = E()
e.__dict__["z"] = "instance"
print(e.z)
