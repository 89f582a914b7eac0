o = object()
print(type(o).__name__, isinstance(o, object), object.__bases__, object.__mro__, issubclass(int, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", "has no attribute" in str(e))
print(hasattr(o, "__dict__"), o == o, o != object(), object().__eq__(5))
print(type(type), type(object), type(int), type(len).__name__, type(lambda: 0).__name__)
print(isinstance(type, object), isinstance(object, type), issubclass(type, object))
print(object.__name__, str(object()).startswith("<object object at"))
print(sorted(x for x in dir(object) if x in ("__class__", "__init__", "__repr__", "__eq__", "__hash__")))
