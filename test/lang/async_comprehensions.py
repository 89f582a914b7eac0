import types
@types.coroutine
def suspend(v):
    got = yield ("suspended", v)
    return got
async def agen(n):
    for i in range(n):
        yield i
async def double(x):
    return x * 2
async def main():
    a = [x async for x in agen(4) if x % 2 == 0]
    b = [await double(x) for x in range(3)]
    c = {x: await double(x) async for x in agen(2)}
    d = await suspend("point")
    return a, b, c, d
co = main()
print(co.send(None))
try:
    co.send("resumed value")
except StopIteration as e:
    print(e.value)
