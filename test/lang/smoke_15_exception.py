try:
    raise ValueError("oops")
except ValueError as e:
    print("caught", e)
