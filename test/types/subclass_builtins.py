class MyList(list):
    def sum(self): return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), type(l).__name__, type(l + [5]).__name__, l[1:3], type(l[1:3]).__name__)
class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = MyDict(a=1)
print(d["A"], d.get("A"), len(d))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, isinstance(s, str))
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
i = MyInt(5)
print(repr(i), i + 1, type(i + 1).__name__, i == 5, hash(i) == hash(5))
class E(Exception):
    pass
print(E("a", 1).args)
