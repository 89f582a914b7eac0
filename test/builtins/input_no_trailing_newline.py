# the last line of stdin has no newline: input() returns it without one, then EOFError
first = input()
last = input()
print(repr(first), repr(last))
try:
    input()
except EOFError as e:
    print("EOFError", e)
