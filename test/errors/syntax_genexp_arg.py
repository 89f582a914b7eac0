# expected: python3.13 (the reference for SyntaxError carets and messages)
f(x for x in y, 1)
