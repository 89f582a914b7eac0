# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
print("exiting with 4")
sys.stdout.flush()
sys.exit(4)
