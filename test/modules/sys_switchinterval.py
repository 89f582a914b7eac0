import sys
old = sys.getswitchinterval()
print(type(old).__name__, old > 0)
sys.setswitchinterval(0.001)
print(abs(sys.getswitchinterval() - 0.001) < 1e-6)
sys.setswitchinterval(old)
print(sys.getswitchinterval() == old)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
