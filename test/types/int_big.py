x = 2 ** 200
print(x)
print(x + 1, x - 1, -x)
print(x * x)
print(x // 3, x % 7, x // -3, -x % 7)
print(divmod(x, 10 ** 20))
print(x >> 100, x << 10, x & (2 ** 64 - 1), x | 1, x ^ (x - 1))
print(pow(3, 300, 10 ** 9 + 7), pow(x, 3, 97))
f = 1
for i in range(1, 61):
    f *= i
print(f, len(str(f)), f.bit_length())
print(10 ** 50 // 10 ** 25 == 10 ** 25, 10 ** 40 == int("1" + "0" * 40))
print(-(2 ** 100) // 7, (-(2 ** 100)) % 7, hex(2 ** 100), oct(3 ** 40), bin(2 ** 70 + 1))
print(x > 2 ** 199, x == 2.0 ** 200, x < float("inf"), float(x))
print(int(12345678901234567890123.0), int("-" + "9" * 30) + 1)
print(abs(-x) == x, (x - x), x // x, 7 ** 77 % 1000)
