async def f():
    await x
    async for a in b:
        pass
    async with a as b:
        pass
    async for a in b:
        pass
    else:
        pass
    return [x async for x in y]
    await asyncio.sleep(1)
