z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), type(z).__name__)
print(z + 1, z * 2j, z / (1 + 1j), z - z, -z, z ** 2, (1j) ** 2)
print(complex(1, 2), complex("1+2j"), complex(" 3-4j "), complex(5), complex("j"), complex("-1.5e1j"))
print(1j * 1j == -1, z == complex(3, 4), repr(complex(0, -0.0)), complex(-0.0, 0))
print(repr(1e300j * 1e300j if False else 2j), repr(complex(1.5, float("inf"))))
try:
    z < z
except TypeError as e:
    print("TypeError", e)
try:
    complex("1+2")
except ValueError as e:
    print("ValueError", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), round(cmath.exp(1j * cmath.pi).real, 10))
print(hash(complex(2, 0)) == hash(2), f"{z}", f"{z:.2f}")
