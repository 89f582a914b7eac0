a = 1; b = 2; c = a + b
if c > 2: print("big"); print("still big")
for i in range(2): print("loop", i)
while c > 0: c -= 1
print(c)
class C: x = 1; y = 2
print(C.x + C.y)
def f(): return "one-liner"
print(f())
try: 1 / 0
except ZeroDivisionError: print("caught on one line")
with open(__file__) as fh: n = len(fh.readline())
print(n > 0)
