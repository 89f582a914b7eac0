# expected: python3.13 (input() and sys.stdin from cmdline_stdin.stdin)
import sys
name = input("name? ")
print("hello", name)
rest = sys.stdin.read().splitlines()
print(len(rest), rest)
try:
    input()
except EOFError as e:
    print("EOFError", e)
