# expected: python3.13 (the reference for traceback caret lines)
print("about to fail")
raise RuntimeError("smoke failure")
