def unpack(src, n):
    if n == 2:
        a, b = src
    elif n == 3:
        a, b, c = src
    else:
        a, *b, c = src
cases = [([1, 2, 3], 2), ([1], 2), ("ab", 3), (5, 2), ([1], "star"), (iter([1, 2, 3]), 2), ({"a": 1}, 2), (None, 3)]
for src, n in cases:
    try:
        unpack(src, n)
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
