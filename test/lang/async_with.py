log = []
class ACM:
    async def __aenter__(self):
        log.append("aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        log.append("aexit " + (et.__name__ if et else "ok"))
        return et is KeyError
async def main():
    async with ACM() as r:
        log.append("body " + r)
    async with ACM():
        raise KeyError
    log.append("after suppressed")
    return len(log)
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(log)
