for v in [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789.123, 1e-4, 1e-5, 1.5, 100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.5e-10, -0.0, 3.141592653589793]:
    print(repr(v), str(v), float(repr(v)) == v)
print(float("1.5"), float("  -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"))
print(0.1 * 3, 1.1 + 2.2, 1e308 * 10, -1e308 * 10, 9007199254740993.0)
print((0.5).as_integer_ratio(), (0.1).hex(), float.fromhex("0x1.8p1"), (2.0).is_integer(), (2.5).is_integer())
