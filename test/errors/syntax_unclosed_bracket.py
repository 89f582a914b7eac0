# expected: python3.13 (the reference for SyntaxError carets and messages)
items = [1, 2,
print(items)
