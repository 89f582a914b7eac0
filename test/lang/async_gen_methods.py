async def agen():
    try:
        x = yield 1
        yield x
    finally:
        print("agen finally")
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(type(g).__name__)
print(run(g.__anext__()))
print(run(g.asend("sent")))
run(g.aclose())
print("after aclose")
import inspect
async def co(): pass
print(inspect.iscoroutinefunction(co), inspect.isasyncgenfunction(agen))
c = co(); c.close()
