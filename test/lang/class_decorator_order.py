log = []
def deco(name):
    def apply(cls):
        log.append(f"decorate {name} on {cls.__name__}")
        cls.tags = getattr(cls, "tags", ()) + (name,)
        return cls
    return apply
class Base:
    def __init_subclass__(cls, **kw):
        log.append(f"init_subclass {cls.__name__}")
        super().__init_subclass__(**kw)
class Field:
    def __set_name__(self, owner, name):
        log.append(f"set_name {name}")
@deco("outer")
@deco("inner")
class C(Base):
    a = Field()
    b = Field()
print(log)
print(C.tags)
def replace(cls):
    return "replaced"
@replace
class Gone: pass
print(Gone)
