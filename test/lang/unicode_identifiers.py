café = "coffee"
π = 3.14
def größe(): return "size"
print(café, π, größe())
class Ñ: pass
print(Ñ.__name__)
