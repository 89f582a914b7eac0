# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import warnings, sys
print("before")
sys.stdout.flush()
warnings.warn("a user warning")
sys.stderr.flush()
print("after")
