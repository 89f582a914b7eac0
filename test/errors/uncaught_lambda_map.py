# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
list(map(lambda x: 1 // x, [1, 0]))
