print([x * x for x in range(4)])
