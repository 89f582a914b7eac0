l = [1, 2, 3]
l.append(4)
print(l, len(l), l[0], l[-1])
