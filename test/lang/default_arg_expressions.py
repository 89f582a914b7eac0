counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def make(id=next_id(), label=f"item-{len(counter)}", fn=lambda: "default fn", items=tuple(range(3))):
    return id, label, fn(), items
print(make(), make(), counter)
def scale(x, factor=2 ** 3):
    return x * factor
print(scale(2), scale.__defaults__)
def kw(*, a=[].__class__.__name__, b=None or "fallback"):
    return a, b
print(kw(), kw.__kwdefaults__)
