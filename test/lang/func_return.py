def none(): pass
def early(x):
    if x:
        return "early"
    return "late"
def multi(): return 1, 2, 3
def bare(): return
print(none(), early(1), early(0), multi(), bare())
a, b, c = multi()
print(a + b + c)
