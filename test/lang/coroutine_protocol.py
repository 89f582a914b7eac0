import types, inspect
async def co(): return "value"
c = co()
print(inspect.iscoroutine(c), inspect.isawaitable(c), hasattr(c, "send"), hasattr(c, "throw"), c.cr_running)
try:
    c.throw(KeyError("injected"))
except KeyError as e:
    print("KeyError", e)
c2 = co()
it = c2.__await__()
try:
    next(it)
except StopIteration as e:
    print("via __await__:", e.value)
@types.coroutine
def legacy():
    yield "legacy step"
    return "legacy done"
async def uses_legacy():
    return await legacy()
u = uses_legacy()
print(u.send(None))
try:
    u.send(None)
except StopIteration as e:
    print(e.value)
async def nothing(): pass
n = nothing()
print(type(n).__name__, n.__name__, n.__qualname__)
n.close()
