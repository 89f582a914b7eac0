async def f():
    await a ** 2
    -await a
    await a.b()
