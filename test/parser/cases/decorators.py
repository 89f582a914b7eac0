@dec
def f(): pass
@a.b.c
@d(1)
def g(): pass
@dec
class C: pass
@dec
async def h(): pass
@x[0].y
def i(): pass
@(lambda f: f)
def j(): pass
