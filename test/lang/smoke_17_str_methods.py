print("Hello".upper(), "Hello".lower())
print("a,b".split(","))
print("-".join(["x", "y"]))
