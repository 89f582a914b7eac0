x = 3
if x > 2:
    print("greater")
else:
    print("not greater")
if x == 4:
    print("four")
elif x == 3:
    print("three")
