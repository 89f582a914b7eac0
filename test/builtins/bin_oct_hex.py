for n in (0, 1, 7, 8, 255, -255, 2 ** 40, -1):
    print(n, bin(n), oct(n), hex(n))
class I:
    def __index__(self): return 10
print(bin(I()), hex(I()), oct(I()))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError", e)
print(int(bin(12345), 0), int(hex(-99), 16), int(oct(64), 8))
