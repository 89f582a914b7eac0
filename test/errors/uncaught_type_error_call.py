# expected: python3.13 (the reference for traceback caret lines)
# no explicit flush: CPython flushes sys.stdout before it prints the traceback
def greet(name, greeting):
    return f"{greeting}, {name}"
print(greet("Ann", "Hi"))
greet("Bob")
