match = case = _ = 1
match(x)
match[x]
match.y = 2
match: int
match * x
match -x
match x, *y:
    case _:
        pass
match (x):
    case case:
        pass
match -x:
    case match if match:
        pass
