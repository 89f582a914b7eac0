class T:
    def __repr__(self): return "T-repr"
    def __str__(self): return "T-str"
    def __format__(self, spec): return f"T-format[{spec}]"
t = T()
print(t, repr(t), str(t), f"{t}", f"{t:xyz}", f"{t!r}", format(t, "abc"), "{}".format(t), "%s %r" % (t, t))
print([t], (t,), {"k": t})
class OnlyRepr:
    def __repr__(self): return "OR"
print(str(OnlyRepr()), f"{OnlyRepr()}")
class Plain: pass
try:
    format(Plain(), "d")
except TypeError as e:
    print("TypeError", e)
print(format(Plain(), "") == str(Plain()) or True)
class BadStr:
    def __str__(self): return 5
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
