print(format(3.14159, ".2f"), format(42, "08b"), format(255, "x"), format("s", ">5"), format(1234567, ","), format(0.5, "%"))
print(format(42), format("x"), format(None), format(3.0), format([1, 2]), format(1e-8), format(12, ""))
print(format(-1, "+"), format(1, " "), format(1.5, "e"), format(1234.5, "_.2f"), format(10, "o"))
try:
    format("x", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1, "z")
except ValueError as e:
    print("ValueError", e)
