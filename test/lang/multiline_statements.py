total = (1 +
         2 +
         3)
items = [
    "a",
    "b",
]
d = {
    "x": 1, "y": 2
}
print(total, items, d)
x = 1 + \
    2
print(x)
if (x == 3 and
        total == 6):
    print("both")
a = 1; b = 2; print(a + b)
def f(a,
      b=2,
      ):
    return a + b
print(f(1,))
