# class keyword arguments go to __init_subclass__ / the metaclass
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class One(Base, tag="one"): pass
class Two(Base): pass
print(One.tag, Two.tag, Base.registry)
class Meta(type):
    def __new__(mcls, name, bases, ns, flag=False):
        cls = super().__new__(mcls, name, bases, ns)
        cls.flag = flag
        return cls
    def __init__(cls, name, bases, ns, flag=False):
        super().__init__(name, bases, ns)
class K(metaclass=Meta, flag=True): pass
print(K.flag, type(K).__name__)
