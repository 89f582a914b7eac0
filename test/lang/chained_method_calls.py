text = "  The Quick  Brown Fox  "
print(text.strip().lower().replace("quick", "slow").split())
print("-".join(w.capitalize() for w in text.split()).center(30, "*"))
result = (
    "a,b;c d"
    .replace(";", ",")
    .replace(" ", ",")
    .split(",")
)
print(result)
print(sorted({3, 1, 2}).copy().pop(), [1, 2, 3][::-1].index(1), {"k": [1]}.get("k").copy())
