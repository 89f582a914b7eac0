# starred expressions inside subscripts (3.11)
class Show:
    def __getitem__(self, key):
        return key
s = Show()
idx = (1, 2)
print(s[*idx], s[0, *idx], s[*idx, 3], s[*"ab"])
def f(*args):
    return args
print(f(*[1], *(2, 3)), [*range(2), *range(2)])
