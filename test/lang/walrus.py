# assignment expressions
if (n := len("hello")) > 3:
    print("long", n)
data = [1, 2, 3, 4]
while (item := data.pop()) > 2:
    print("popped", item)
print(data, item)
print([y for x in range(6) if (y := x * x) % 2])
print(y)
def f():
    [(z := i) for i in range(3)]
    return z
print(f())
print((w := 10) + w)
