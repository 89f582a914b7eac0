def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("agen cleanup")
g = agen()
print(run(g.__anext__()))
print(run(g.athrow(ValueError("boom"))))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
g2 = agen()
run(g2.asend(None))
run(g2.aclose())
print("closed")
async def counter():
    total = 0
    while True:
        v = yield total
        if v is None:
            return
        total += v
c = counter()
print(run(c.asend(None)), run(c.asend(5)), run(c.asend(10)))
