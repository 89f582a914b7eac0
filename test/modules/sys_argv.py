import sys
print(sys.argv[0], sys.argv[1:], len(sys.argv))
