# '__doc__' in __slots__ (typing's _SpecialForm does this): a per-instance doc.
class Form:
    __slots__ = ("_name", "__doc__")
    def __init__(self, name, doc):
        self._name = name
        self.__doc__ = doc
a, b = Form("a", "first"), Form("b", "second")
print(a.__doc__, b.__doc__, type(Form.__dict__["__doc__"]).__name__)
b.__doc__ = "changed"
print(a.__doc__, b.__doc__)
print(hasattr(a, "__dict__"))
class Documented:
    "class doc"
print(Documented.__doc__, Documented().__doc__)
class Plain:
    pass
print(Plain.__doc__, "__doc__" in Plain.__dict__)
try:
    class Clash:
        "doc"
        __slots__ = ("__doc__",)
except ValueError as e:
    print("ValueError", e)
