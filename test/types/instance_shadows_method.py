# An instance __dict__ entry shadows a class method or class attribute of the
# same name, whatever the dict went through (inserts, deletes, resizes,
# popitem, clear, keys whose hashes collide with the name's).
class C:
    def m(self):
        return "method"
    k = "class value"


def load(o):
    return o.m() if callable(o.m) else o.m


def show(o, label):
    print(label, load(o), o.k)


o = C()
show(o, "plain:")
o.m = lambda: "instance callable"
o.k = "instance value"
show(o, "shadowed:")
del o.m
del o.k
show(o, "deleted:")
for i in range(40):
    setattr(o, "a%d" % i, i)          # several resizes
show(o, "after resizes:")
o.m = "instance string"
o.__dict__["k"] = 5
show(o, "shadowed again:")
for i in range(40):
    delattr(o, "a%d" % i)
show(o, "others deleted:")
print(sorted(o.__dict__))
print(o.__dict__.popitem())
show(o, "popitem:")
o.__dict__.clear()
show(o, "cleared:")


class Key(str):
    pass


# A str subclass key equal to the name shadows it too (same hash, equal).
o.__dict__[Key("m")] = "subclass key"
show(o, "str subclass key:")
o.__dict__.clear()

# Many names: some share hash-summary bits with "m" and "k", none equal.
for i in range(300):
    o.__dict__["n%d" % i] = i
show(o, "300 other names:")
o.__dict__.update(m="late", k="late k")
show(o, "late insert:")

# Loads from a loop (the cached instruction), the dict changing between runs.
objs = [C() for _ in range(6)]
objs[2].m = "two"
objs[4].k = "four"
for rnd in range(3):
    out = []
    for ob in objs:
        out.append((ob.m() if callable(ob.m) else ob.m, ob.k))
    print(rnd, out)
    objs[rnd].m = "r%d" % rnd
    objs[4].__dict__.pop("k", None)
