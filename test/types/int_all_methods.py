for n in (0, 1, -5, 255, 2 ** 70):
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator,
          n.to_bytes(10, "big", signed=True).hex(), int.from_bytes(n.to_bytes(10, "little", signed=True), "little", signed=True) == n)
print(int.__abs__(-3), int.__bool__(0), int.__ceil__(5), int.__floor__(5), int.__round__(15, -1), int.__trunc__(7), int.__neg__(2))
print((7).__format__("03d"), (7).__index__(), (7).__float__(), (7).__sizeof__() > 0, (-7).__invert__())
