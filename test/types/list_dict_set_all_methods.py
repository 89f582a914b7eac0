print(sorted(n for n in dir(list) if not n.startswith("_")))
print(sorted(n for n in dir(dict) if not n.startswith("_")))
print(sorted(n for n in dir(set) if not n.startswith("_")))
print(sorted(n for n in dir(frozenset) if not n.startswith("_")))
print(sorted(n for n in dir(tuple) if not n.startswith("_")))
print(sorted(n for n in dir(bytes) if not n.startswith("_")) == sorted(n for n in dir(bytearray) if not n.startswith("_") and n not in
      ("append", "clear", "copy", "extend", "insert", "pop", "remove", "reverse")))
l = [5, 3]
for name, args in [("append", (1,)), ("extend", ([2],)), ("insert", (0, 9)), ("remove", (3,)), ("sort", ()),
                   ("reverse", ()), ("index", (5,)), ("count", (9,)), ("pop", ()), ("copy", ()), ("clear", ())]:
    r = getattr(l, name)(*args)
    print(name, r, l)
d = {"a": 1}
for name, args in [("setdefault", ("b", 2)), ("get", ("a",)), ("update", ({"c": 3},)), ("pop", ("a",)),
                   ("popitem", ()), ("keys", ()), ("values", ()), ("items", ()), ("copy", ()), ("fromkeys", ("xy", 0)), ("clear", ())]:
    r = getattr(d, name)(*args)
    print(name, r, d)
