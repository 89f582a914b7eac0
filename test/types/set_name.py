class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner, self.name = owner.__name__, name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner)
f = Field()
class Later: pass
Later.c = f
print(hasattr(f, "name"))
T = type("T", (), {"d": Field()})
print(T.d.name)
