import types
def f(): pass
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(C().m, types.MethodType))
print(isinstance(types, types.ModuleType), isinstance((x for x in []), types.GeneratorType), isinstance(f.__code__, types.CodeType))
ns = types.SimpleNamespace(a=1, b=2)
ns.c = 3
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=2, c=3))
m = types.ModuleType("mymod", "doc here")
m.x = 5
print(m.__name__, m.__doc__, m.x)
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp))
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError", e)
bound = types.MethodType(lambda self: self, 42)
print(bound())
print(type(None) is types.NoneType, type(...) is types.EllipsisType, types.new_class("Dyn", (), {}).__name__)
