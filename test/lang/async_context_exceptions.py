log = []
class Conn:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        log.append(f"open {self.name}")
        return self
    async def __aexit__(self, et, ev, tb):
        log.append(f"close {self.name} {et.__name__ if et else ''}".strip())
        return False
async def work():
    async with Conn("a") as a, Conn("b") as b:
        log.append("using " + a.name + b.name)
        raise RuntimeError("failed")
c = work()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
print(log)
