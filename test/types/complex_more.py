z = complex(1, -1)
print(z, -z, z * z.conjugate(), abs(z) ** 2, z ** 0, z ** 1, z ** -1, (1 + 2j) ** 2)
print(complex(2), complex(2.5, 0), complex("3"), complex("-2.5-1.5j"), complex(" ( 1+1j ) ".strip()))
print(1j.real, 1j.imag, (3 + 4j).__abs__(), 2j == complex(0, 2), 0j == 0, complex(1, 0) == 1.0)
print(repr(complex(1e20, -1e-20)), repr(complex(float("nan"), float("inf"))), repr(-0j), repr(complex(-0.0, -0.0)))
print(format(1 + 2j, ""), format(1.5 - 2.25j, ".2f"), format(1j, "^10"), format(3 + 4j, "+.1e"))
try:
    int(1j)
except TypeError as e:
    print("TypeError", e)
try:
    complex("j1")
except ValueError as e:
    print("ValueError", e)
