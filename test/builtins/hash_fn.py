print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30), hash(-(10 ** 30)))
print(hash(1.0), hash(1.5), hash(0.1), hash(-0.0), hash(1e300), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(complex(1, 0)), hash(3 + 4j), hash(0.5) == hash(__import__("fractions").Fraction(1, 2)))
print(hash(()) == hash(()), hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
print(hash(frozenset()) == hash(frozenset()), hash(None) == hash(None))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
print(hash(float("inf")), hash(float("-inf")), hash(2 ** 100) == hash(float(2 ** 100)))
