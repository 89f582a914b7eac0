print(abs(-5), abs(5), abs(-2.5), abs(3 + 4j), abs(-0.0), abs(True), abs(-(2 ** 70)))
class A:
    def __abs__(self): return "absolute"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), any([]), any([0, None]), any([0, 1]), any(x > 2 for x in range(4)))
def noisy(v):
    print("check", v)
    return v
print(all(noisy(v) for v in [1, 0, 1]))
print(any(noisy(v) for v in [0, 1, 0]))
