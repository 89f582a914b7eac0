# expected: python3.13 (the reference for traceback caret lines)
def numbers():
    yield 1
    yield int("two")
total = 0
for n in numbers():
    total += n
