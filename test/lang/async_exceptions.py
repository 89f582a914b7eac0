async def fail():
    raise ValueError("async fail")
async def main():
    try:
        await fail()
    except ValueError as e:
        return "caught " + str(e)
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def plain():
    return 1
c = plain()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
class Awaitable:
    def __await__(self):
        return iter([])
async def use():
    return await Awaitable()
try:
    use().send(None)
except StopIteration as e:
    print("value", e.value)
