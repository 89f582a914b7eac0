# the prompt goes to stdout without a newline
a = input("first> ")
b = input("second> ")
print()
print(repr(a), repr(b))
