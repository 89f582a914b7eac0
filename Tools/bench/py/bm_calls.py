# Call-heavy: recursive calls, keyword and default arguments, closures, methods.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def add(a, b=1, *, scale=1):
    return (a + b) * scale

def make_counter():
    count = 0
    def step(k):
        nonlocal count
        count += k
        return count
    return step

class Acc:
    def __init__(self):
        self.total = 0
    def add(self, x):
        self.total += x
        return self

def main():
    r = fib(25)
    s = 0
    for i in range(300000):
        s = add(s, i, scale=1) - add(i)
    step = make_counter()
    for i in range(200000):
        step(i & 7)
    acc = Acc()
    for i in range(200000):
        acc.add(i)
    print(r, s, step(0), acc.total)

main()
