class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def agen(n):
    for i in range(n):
        yield i * 10
async def main():
    out = []
    async for t in Ticker(3):
        out.append(t)
    async for g in agen(3):
        out.append(g)
    out.append([x async for x in agen(2)])
    async for _ in Ticker(0):
        pass
    else:
        out.append("else")
    return out
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
