print(int("42"), int("-17"), int(" +8 "), int("1_000"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("zz", 36))
print(int(3.99), int(-3.99), int(True), int("  12\n"), int("١٢٣"))
for bad in ["", "1.5", "abc", "0x", "1__0", "_1", "08"]:
    try:
        print(int(bad, 0) if bad == "08" else int(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
class HasInt:
    def __int__(self): return 9
class HasIndex:
    def __index__(self): return 4
print(int(HasInt()), int(HasIndex()))
