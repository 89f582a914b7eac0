import io
s = io.StringIO("x")
s.close()
for op in (s.read, s.getvalue, lambda: s.write("y"), s.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
def gen():
    yield 1
g = gen()
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
m = memoryview(b"ab")
m.release()
try:
    len(m)
except ValueError as e:
    print("ValueError", e)
