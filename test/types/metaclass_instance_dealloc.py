# Freeing a class whose metaclass is a Python class drops exactly one
# reference to the metaclass (it used to drop two, so the metaclass was
# freed while still in use).
import gc

class Meta(type):
    def hello(cls):
        return "hello from " + cls.__name__

for i in range(100):
    cls = Meta("C%d" % i, (), {})
    inst = cls()
    del cls, inst
gc.collect()
class M(metaclass=Meta):
    x = 1
del M
gc.collect()
for i in range(3):
    D = Meta("D%d" % i, (), {"y": i})
    print(D().y, D.hello(), type(D).__name__)
