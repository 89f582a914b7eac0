# expected: python3.13 (the reference for SyntaxError carets and messages)
f(a=1, 2)
