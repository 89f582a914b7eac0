# expected: python3.13 (exit status from sys.exit)
import sys
print("before exit")
sys.exit(3)
print("not reached")
