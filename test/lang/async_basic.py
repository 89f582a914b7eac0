# coroutines driven by hand with send(None)
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y
c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Yielder:
    def __await__(self):
        v = yield "suspended"
        return v * 2
async def waiter():
    r = await Yielder()
    return "got " + str(r)
w = waiter()
print(w.send(None))
try:
    w.send(21)
except StopIteration as e:
    print(e.value)
async def never(): pass
n = never()
n.close()
print("closed")
