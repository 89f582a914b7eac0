# implicit special method lookup goes to the type, not the instance
class C:
    def __len__(self): return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class G:
    def __getattr__(self, name):
        return lambda *a: f"getattr {name}"
g = G()
print(g.__len__())
try:
    len(g)
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __len__(cls): return 42
class WithMeta(metaclass=Meta): pass
print(len(WithMeta))
try:
    len(WithMeta())
except TypeError as e:
    print("TypeError", e)
