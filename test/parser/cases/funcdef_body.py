def f(x):
    """doc"""
    y = x + 1
    if y:
        return y
    return None
