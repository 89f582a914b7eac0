# expected: python3.13 (the reference for SyntaxError carets and messages)
s = """never closed
x = 1
