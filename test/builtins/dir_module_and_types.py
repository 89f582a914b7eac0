import math
names = dir(math)
print(names == sorted(names), "sqrt" in names, "pi" in names)
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
class P:
    a = 1
    def b(self): pass
print([n for n in dir(P) if not n.startswith("_")], [n for n in dir(P()) if not n.startswith("_")])
