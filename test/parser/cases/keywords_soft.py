match = 1
case = 2
type = 3
_ = 4
print(match, case, type)
