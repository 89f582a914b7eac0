# expected: python3.13 (the reference for SyntaxError carets and messages)
f = lambda x=1, y: x
