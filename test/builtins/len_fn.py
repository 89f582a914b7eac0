print(len(""), len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"ab"), len(bytearray(3)), len(frozenset()))
class L:
    def __len__(self): return 5
print(len(L()))
for bad in (5, None, iter([]), (x for x in [])):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)
class Big:
    def __len__(self): return 2 ** 100
try:
    len(Big())
except OverflowError as e:
    print("OverflowError", e)
