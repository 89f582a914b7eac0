def read(lines):
    for l in lines:
        yield l.strip()
def nonempty(it):
    return (l for l in it if l)
def numbered(it, start=1):
    n = start
    for x in it:
        yield f"{n}: {x}"
        n += 1
src = ["alpha\n", "\n", " beta ", "", "gamma"]
for line in numbered(nonempty(read(src))):
    print(line)
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
g = (x for x in range(3))
print(list(zip(g, g)))
