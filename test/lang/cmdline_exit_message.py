# expected: python3.13 (a non-int SystemExit code is printed to stderr, status 1)
import sys
print("working", flush=True)
raise SystemExit("fatal: something went wrong")
