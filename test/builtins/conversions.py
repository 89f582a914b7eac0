print(int("12"), float("1.5"), str(12), bool(""), list("ab"), tuple([1]), set("aa"), dict(a=1), complex(1))
print(bytes(2), bytearray(b"x"), frozenset([1]), list({1: "a"}), list(b"ab"), tuple(range(3)), str(None))
print(float(True), int(False), str(3.0), str(1e100), int(" 7 "), float(" 1e-3 "), list(map(int, "123")))
print(list({"a": 1}.items()), dict([(1, 2), (3, 4)]), dict(zip("ab", "cd")))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
