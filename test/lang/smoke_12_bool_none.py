print(True, False, None)
print(1 == 1, 1 != 1, not True)
print(True and False, True or False)
