# expected: python3.13 (the reference for traceback caret lines)
import sys
print("reading")
sys.stdout.flush()
line = input()
print("never", line)
