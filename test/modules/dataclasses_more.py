from dataclasses import dataclass, field, InitVar, fields, is_dataclass, make_dataclass
@dataclass
class Item:
    name: str
    price: float = field(default=0.0, repr=False)
    tags: list = field(default_factory=list, compare=False)
    secret: InitVar[str] = None
    def __post_init__(self, secret):
        self.has_secret = secret is not None
i = Item("pen", 1.5, ["office"], "s")
print(i, i.has_secret, i == Item("pen", 1.5, []), [f.name for f in fields(i)])
print(is_dataclass(i), is_dataclass(Item), is_dataclass(5))
P = make_dataclass("P", [("x", int), ("y", int, field(default=0))])
print(P(1), P(1, 2) == P(1, 2))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1).__eq__(NoEq(1)))
@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(3)) == hash(Hashable(3)), len({Hashable(1), Hashable(1)}))
@dataclass
class Unhashable:
    v: int
print(Unhashable.__hash__)
try:
    @dataclass
    class MutableDefault:
        items: list = []
except ValueError as e:
    print("ValueError", e)
