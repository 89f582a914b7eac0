s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"))
t = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1"}), "abc".translate(str.maketrans({"a": "AA"})))
print("Hello".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "h€".encode("utf-16-le"))
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é€".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
