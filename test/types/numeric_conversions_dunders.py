import math
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
    def __index__(self): return 3
    def __round__(self, n=None): return "round" if n is None else f"round{n}"
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
n = Num()
print(int(n), float(n), complex(n), [0, 1, 2, 3][n], round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
print(bin(n), hex(n), "ab" * n, range(n), operator_index := __import__("operator").index(n))
class OnlyIndex:
    def __index__(self): return 4
print(int(OnlyIndex()), float(OnlyIndex()) if False else "", complex(OnlyIndex()) if False else "")
class BadIndex:
    def __index__(self): return "x"
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError", e)
class BadInt:
    def __int__(self): return 1.5
try:
    int(BadInt())
except TypeError as e:
    print("TypeError", e)
