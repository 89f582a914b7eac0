# expected: python3.13 (the "Did you mean" hint is printed with the traceback)
counter = 1
print(countr)
