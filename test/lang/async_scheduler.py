# a tiny round-robin scheduler of coroutines, no asyncio
class Yield:
    def __await__(self):
        yield
async def worker(name, n, out):
    for i in range(n):
        out.append(f"{name}{i}")
        await Yield()
    return name + " done"
out = []
tasks = [worker("a", 3, out), worker("b", 2, out), worker("c", 1, out)]
results = []
while tasks:
    t = tasks.pop(0)
    try:
        t.send(None)
        tasks.append(t)
    except StopIteration as e:
        results.append(e.value)
print(out)
print(results)
