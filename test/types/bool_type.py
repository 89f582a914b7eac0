print(True, False, type(True), isinstance(True, int), True == 1, False == 0)
print(True + 1, True * 10, -True, ~True, True & False, True | False, True ^ True)
print(bool(), bool(0), bool(2), bool("x"), str(True), repr(False), int(True))
print(True is bool(1), sum([True, True, False]), hash(True), f"{True:d}", f"{True}")
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError", e)
print(bool.__mro__)
print(True and 5, False or 0, not True)
