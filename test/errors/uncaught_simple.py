# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
print("before the error")
sys.stdout.flush()
raise ValueError("something went wrong")
