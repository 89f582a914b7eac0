print(bytes("abc", "ascii"), bytes([1, 2]), bytes(b"x"), bytearray(2), bytes(memoryview(b"mv")), bytes.fromhex("ff00"))
print(b"abc".hex(), bytes(range(65, 70)), len(bytes(10)), bytes(), bytearray(range(3)))
try:
    bytes("abc")
except TypeError as e:
    print("TypeError", e)
try:
    bytes(-1)
except ValueError as e:
    print("ValueError", e)
try:
    bytes([1, "a"])
except TypeError as e:
    print("TypeError", e)
