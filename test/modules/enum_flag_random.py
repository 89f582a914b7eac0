# expected: python3.13 (the reference)
# Random Flag/IntFlag values and operations (fixed seed).
import enum, random
r = random.Random(8)
class P(enum.Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
class I(enum.IntFlag):
    A = 1
    B = 2
    C = 8
class C(enum.Flag, boundary=enum.CONFORM):
    U = 1
    V = 4
for i in range(300):
    a = P(r.randint(0, 7)); b = P(r.randint(0, 7))
    x = I(r.randint(-3, 20)); y = r.randint(0, 40)
    print(i, repr(a), str(a), repr(a | b), repr(a & b), repr(a ^ b), repr(~a), list(a), len(a), bool(a), a in P.RW if a else '', repr(x), str(x), repr(x | y), repr(~x), repr(x & I.B), int(x ^ y), format(x, 'd'), repr(C(y)), list(C(y)))
print(list(P), P.__members__, [m.name for m in I], repr(P(0)), repr(I(0)))
