class Meta(type):
    @property
    def table(cls):
        return cls.__name__.lower() + "s"
    def __getattr__(cls, name):
        return f"meta-getattr {name}"
    def __len__(cls):
        return 3
    def __iter__(cls):
        return iter(range(len(cls)))
    def __bool__(cls):
        return False
class User(metaclass=Meta):
    pass
print(User.table, User.anything, len(User), list(User), bool(User))
try:
    User().table
except AttributeError as e:
    print("AttributeError")
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        Registry.classes.append((name, sorted(kw)))
class Base(metaclass=Registry):
    def __init_subclass__(cls, **kw): pass
class A(Base, extra=1):
    pass
print(Registry.classes)
