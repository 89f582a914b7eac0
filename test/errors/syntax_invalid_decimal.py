# expected: python3.13 (the reference for SyntaxError carets and messages)
x = 1abc
