def factory(kind):
    class Product:
        label = kind
        def describe(self):
            return f"{type(self).__qualname__} of {self.label}"
    return Product
A = factory("apples")
B = factory("bolts")
print(A().describe(), B().describe(), A is not B, A.__qualname__)
def outer():
    def middle():
        def inner():
            return inner.__qualname__
        return inner()
    return middle()
print(outer())
class Outer:
    class Inner:
        class Deepest:
            pass
print(Outer.Inner.Deepest.__qualname__, Outer.Inner.Deepest.__module__)
