# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
def gen():
    yield 1
    raise RuntimeError("inside generator")
for v in gen():
    pass
