from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
print(Sq(3).describe(), sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print("TypeError", "abstract" in str(e))
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError:
    print("Half is abstract")
class Duck(metaclass=ABCMeta): pass
Duck.register(int)
print(isinstance(5, Duck), issubclass(bool, Duck), isinstance("s", Duck))
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented
print(isinstance([], Sized), isinstance(5, Sized))
