assert a
assert a, "msg"
assert (a, b)
