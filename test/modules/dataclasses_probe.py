# expected: python3.13 (the reference)
from dataclasses import *
import dataclasses, typing
for code in [
 "@dataclass\nclass A:\n x: int\n y: 'typing.ClassVar[int]' = 3\n z: typing.ClassVar[int] = 4\n k: KW_ONLY\n w: int = 5\nprint(A(1), [f.name for f in fields(A)], A.__match_args__, A.__doc__)",
 "@dataclass(frozen=True)\nclass F:\n x: int\nf=F(1)\ndel f.x",
 "@dataclass(frozen=True, slots=True)\nclass F:\n x: int\n y: list = field(default_factory=list)\nf=F(1); print(f, hash(F(1,())) , F.__slots__); f.x=3",
 "@dataclass(order=True)\nclass O:\n x: int\n def __lt__(s,o): pass",
 "@dataclass\nclass A:\n x: int\nA()",
 "@dataclass\nclass A:\n x: int\nA(1,2)",
 "@dataclass\nclass N:\n x: int\n n: 'N' = None\na=N(1); a.n=a; print(a)",
 "print(InitVar[int], repr(MISSING)[:30])",
 "@dataclass\nclass R:\n x: int\n y: int = field(init=False, default=0)\nprint(replace(R(1), y=2))",
 "@dataclass\nclass I:\n x: int\n y: InitVar[int]\n def __post_init__(self, y): pass\nprint(replace(I(1, 2)))",
 "print(asdict(5))",
 "@dataclass\nclass Q:\n x: int\nprint(copy.replace(Q(1), x=3)) if False else print(Q(1).__replace__(x=3))",
 "@dataclass\nclass Self:\n self: int\nprint(Self(1))",
 "import collections\n@dataclass\nclass Z:\n a: list\n b: dict\n c: tuple\nprint(asdict(Z([Z([],{},())], {'k': 1}, (1,2))), astuple(Z([1], {1:[2]}, (3,))))",
 "@dataclass(eq=True, frozen=True)\nclass H:\n x: int\n y: int = field(hash=False)\nprint(hash(H(1,2)) == hash(H(1,3)), H(1,2) == H(1,2))",
 "@dataclass\nclass B:\n x: int = 0\n@dataclass\nclass C(B):\n y: int = 1\nprint(C(), C.__init__.__qualname__, C.__repr__.__qualname__)",
]:
    try: exec(code)
    except Exception as e: print(type(e).__name__, repr(str(e)))
