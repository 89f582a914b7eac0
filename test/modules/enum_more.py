from enum import Enum, IntEnum, Flag, auto
class Weekday(Enum):
    MON = 1
    TUE = 2
    def is_weekend(self): return False
    @classmethod
    def first(cls): return cls.MON
print(Weekday.MON.is_weekend(), Weekday.first(), Weekday.MON in Weekday, Weekday(2).name)
print(Weekday.__members__.keys() == {"MON", "TUE"}, [m.value for m in Weekday], Weekday["TUE"].value)
print(hash(Weekday.MON) == hash(Weekday.MON), {Weekday.MON: "m"}[Weekday.MON], Weekday.MON != Weekday.TUE)
class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE == 1, Shape.SQUARE > Shape.CIRCLE, [1, 2, 3][Shape.CIRCLE], Shape(2).name, Shape.SQUARE.value)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
white = Color.RED | Color.GREEN | Color.BLUE
print(Color.RED.value, Color.BLUE.value, white.value, Color.GREEN in white, (white & Color.RED) is Color.RED, bool(Color(0)))
try:
    Weekday.MON = 5
except AttributeError:
    print("AttributeError")
Dyn = Enum("Dyn", "A B C")
print([(m.name, m.value) for m in Dyn], Dyn.B.value)
Dyn2 = Enum("Dyn2", [("X", 10), ("Y", 20)])
print(Dyn2.Y.value, Dyn2(10).name)
