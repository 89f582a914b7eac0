# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
print("out")
sys.stdout.flush()
sys.exit("fatal: message goes to stderr")
