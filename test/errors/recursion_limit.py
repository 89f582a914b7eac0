import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print("RecursionError at low limit")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
class Node:
    def __init__(self, child): self.child = child
    def __eq__(self, o): return self.child == o.child
a = b = None
for _ in range(100000):
    a, b = Node(a), Node(b)
try:
    a == b
    print("compared")
except RecursionError:
    print("RecursionError")
