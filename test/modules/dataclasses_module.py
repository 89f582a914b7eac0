# expected: python3.13 (3.12 names the default argument in the message)
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0, []), asdict(p), astuple(Point(2, 3)), replace(p, y=5))
print([f.name for f in fields(Point)], Point.__init__.__annotations__ if False else "")
@dataclass(frozen=True, order=True)
class V:
    major: int
    minor: int = 0
print(sorted([V(2), V(1, 5), V(1)]), V(1) < V(1, 1), hash(V(1)) == hash(V(1)))
try:
    V(1).major = 2
except FrozenInstanceError:
    print("FrozenInstanceError")
@dataclass
class P3(Point):
    z: int = 9
print(P3(1, 2, [], 3), P3(1))
@dataclass
class Post:
    a: int
    b: int = field(init=False)
    def __post_init__(self): self.b = self.a * 2
print(Post(4))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
@dataclass(slots=True)
class S:
    v: int
print(hasattr(S(1), "__dict__"), S.__slots__)
@dataclass(kw_only=True)
class K:
    a: int
print(K(a=1))
