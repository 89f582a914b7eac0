print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.25, 1), round(1.35, 1), round(12345, -2), round(15, -1), round(25, -1))
print(round(3.14159, 3), round(-3.14159, 2), round(1e20), round(7), round(7, 2), type(round(7.0)), type(round(7.0, 1)))
print(round(0.1 + 0.2, 10), round(123.456, -1), round(123.456, -3), round(-0.5), round(1.5))
class R:
    def __round__(self, n=None): return ("rounded", n)
print(round(R()), round(R(), 2))
try:
    round("1")
except TypeError as e:
    print("TypeError", e)
