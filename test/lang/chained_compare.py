# chained comparisons evaluate the middle operand once
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 == 1.0 == True, 'a' < 'b' <= 'b' != 'c')
x = 5
print(0 <= x < 10, 0 < x > 3, 1 in [1] in [[1]])
one = 1
print(one is not None is not False)
