def f(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError:
        return "unbound"
print(f(True), f(False))
for i in range(0):
    pass
try:
    print(i)
except NameError as e:
    print("NameError", e)
if True:
    inside_if = 1
print(inside_if)
while False:
    never = 1
print("never" in globals())
with open(__file__) as fh:
    first = fh.readline().strip()
print(first.startswith("def"), fh.closed)
