# and/or return operands, not bools; short-circuit evaluation
def t(v):
    print("eval", v)
    return v
print(0 or "x", "" or 0, 3 and 4, 0 and 4, None or [] or "last")
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) or t(5))
print(not 0, not "", not [1])
x = [] or {} or ()
print(x)
