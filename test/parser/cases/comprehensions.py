[x for x in y]
[x for x in y if x]
[x for x in y if a if b]
[x for x in y for z in x]
[(x, y) for x, y in z]
{k: v for k, v in d.items()}
{x for x in y}
(x for x in y)
[x async for x in y]
[x for x in await y]
[x for *a, b in c]
[x for x in a or b]
