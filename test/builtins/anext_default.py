# anext(aiter, default): awaitable driving __anext__, default at StopAsyncIteration
import types

@types.coroutine
def suspend(v):
    got = yield v
    return got

class Slow:
    """__anext__ suspends twice before answering."""
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        a = await suspend("tick")
        b = await suspend("tock")
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return (self.n, a, b)

async def agen():
    yield 1
    yield 2

def drive(coro):
    sent = None
    steps = []
    while True:
        try:
            steps.append(coro.send(sent))
        except StopIteration as e:
            return steps, e.value
        sent = len(steps)

async def main():
    it = Slow(1)
    r1 = await anext(it, "dflt")
    r2 = await anext(it, "dflt")
    g = agen()
    r3 = [await anext(g, None), await anext(g, None), await anext(g, None), await anext(g, "end")]
    return r1, r2, r3

print(drive(main()))

aw = anext(agen(), 0)
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
try:
    next(aw)
except StopIteration as e:
    print("StopIteration", e.value)

# exceptions other than StopAsyncIteration pass through
class Bad:
    def __aiter__(self): return self
    async def __anext__(self): raise ValueError("boom")
async def use_bad():
    return await anext(Bad(), "x")
try:
    use_bad().send(None)
except ValueError as e:
    print("ValueError", e)

# throw() into a suspended __anext__
aw = anext(Slow(3), "d")
print(aw.send(None))
try:
    aw.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
aw = anext(Slow(3), "d")
print(aw.send(None), aw.close())

for bad in ((1,), (1, 2)):
    try:
        anext(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    anext()
except TypeError as e:
    print("TypeError", e)
