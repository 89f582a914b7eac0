# expected: python3.13 (the reference)
from enum import *
import enum
print([enum.bin(x, 6) for x in (0, 3, 8, -1, -5)], enum.bin(-5))
class C(Enum):
    A=1
for code in ["class D(C): B=2", "C['Z']", "C.A = 3", "del C.A", "class E(Enum):\n A=1\n A=2", "class P(Flag):\n R=1\n W=2\nP(8)", "class P(Flag):\n R=1\n W=2\nprint(repr(~P.R), repr(P(0)), str(P(0)), repr(P.R|P.W), str(P.R|P.W), list(P.R|P.W), len(P.R|P.W))",
 "class P(IntFlag):\n R=1\n W=2\nprint(repr(P.R|8), str(P.R|P.W), repr(~P.R), format(P.R), repr(P(0)), P.R + 1, repr(P.R|P.W), ~P.R)",
 "class S(StrEnum):\n A=auto()\n B='x'\nprint(repr(S.A), str(S.A), S.A == 'a', f'{S.B}')",
 "class I(int, Enum):\n A=1\nprint(str(I.A), format(I.A), repr(I.A), f'{I.A}')",
 "print(dir(C), C.__members__, repr(C), C.A.__class__, 1 in C, C.A in C)",
 "class P(Flag):\n R=1\n W=2\n RW=3\nprint(list(P), P.__members__, repr(P.RW), repr(P(3)), P._member_names_)",
 "class M(Enum):\n a=1\n b=2\n def __str__(self): return 'x'\nprint(M.a, f'{M.a}')",
 "print(list(Enum('Q', 'A B', start=5)))", "print(repr(Enum('Q', {'A': 'x'}).A))",
 "class Z(Enum):\n _ignore_='y'\n A=1\n y=2\nprint(list(Z))",
 "print(C.A.__reduce_ex__(4), hash(C.A)==hash('A'), C.A._sort_order_)",
 "class D(Enum):\n A=1\n def A(self): pass",
 "class D(Enum):\n _x_=1",
 "print(C.A.name, C.A.__doc__, C.__doc__)",
 "class N(Enum):\n name=1\n value=2\nprint(N.name, N.value, N.name.name, N.value.value, N.name.value)",
 "class Pl(Enum):\n E=(1.0, 2.0)\n def __init__(self, m, r): self.m=m\nprint(Pl.E.m, Pl.E.value, Pl((1.0,2.0)))",
 "class Cn(Enum):\n def __new__(cls, v, d):\n  o=object.__new__(cls); o._value_=v; o.d=d; return o\n A=(1,'one')\nprint(Cn(1), Cn.A.d)",
 "class Sh(IntEnum):\n A=1\nprint(Sh.A == 1, Sh(1), Sh.A + Sh.A, isinstance(Sh.A, int), str(Sh.A), '%s %d' % (Sh.A, Sh.A))",
 "class F(Flag):\n A=auto()\n B=auto()\n C=auto()\nprint(repr(F.A|F.C), repr(~(F.A|F.C)), repr(F.A ^ F.B), F(7), F(0), list(F(7)), F.A in F(3), repr(F.A & F.B))",
 "class Col(Enum):\n R=1\n @classmethod\n def _missing_(cls, v): return cls.R\nprint(Col(5))",
 "print(C(C.A), reversed(C) is not None, list(reversed(C)), C.A < C.A)",
 "class F2(IntFlag):\n X=4\nprint(F2(5), repr(F2(5)), F2(-1), repr(F2(-1)))",
 "import copy, pickle; print(copy.copy(C.A) is C.A, copy.deepcopy(C.A) is C.A)",
 "@unique\nclass U(Enum):\n A=1\n B=2\nprint(U)",
 "@verify(CONTINUOUS)\nclass V(IntEnum):\n A=1\n C=3",
]:
    try: exec(code)
    except Exception as e: print(type(e).__name__, repr(str(e)))
