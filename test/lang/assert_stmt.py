assert True
assert 1 == 1, "fine"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert [] , "list is empty"
except AssertionError as e:
    print("AssertionError", e)
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print(calls)
print(__debug__)
