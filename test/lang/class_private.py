# name mangling of __names
class A:
    def __init__(self):
        self.__secret = 1
        self._protected = 2
    def get(self):
        return self.__secret
    def __private(self):
        return "private"
    def call(self):
        return self.__private()
a = A()
print(a.get(), a._protected, a.call())
print(sorted(vars(a)))
print(a._A__secret, hasattr(a, "__secret"))
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B's"
print(sorted(vars(B())))
