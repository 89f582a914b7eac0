class S:
    __slots__ = ("a", "b")
s = S()
print(hasattr(s, "a"))
s.a = 1
print(hasattr(s, "a"), getattr(s, "b", "unset"))
delattr(s, "a")
print(hasattr(s, "a"))
try:
    delattr(s, "a")
except AttributeError as e:
    print("AttributeError", "a" in str(e))
try:
    setattr(s, "c", 1)
except AttributeError:
    print("AttributeError on c")
print(hasattr(S, "a"), type(S.a).__name__)
