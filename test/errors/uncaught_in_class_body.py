# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
class C:
    x = 1
    raise TypeError("in class body")
