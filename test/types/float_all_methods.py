for x in (0.0, 1.5, -2.25, 1e100, 1 / 3):
    print(x, x.as_integer_ratio(), x.hex(), x.is_integer(), x.conjugate(), x.real, x.imag, float.fromhex(x.hex()) == x)
print(float.__round__(2.5), float.__round__(2.567, 2), float.__trunc__(-2.5), float.__floor__(-2.5), float.__ceil__(-2.5))
print((2.5).__format__(".3f"), (2.5).__int__(), float.__getformat__("double"))
