s = "abc"
print(s + "def", s * 3, 3 * s, s * 0, s * -1, s[0], s[-1], s[1:], len(s), s < "abd", s < "ab", "B" < "a")
print(ord("a"), chr(97), "abc" == "abc", min("hello"), max("hello"), sorted("hello"))
print(list("héllo"), len("😀"), "😀" > "z", str(123), str(1.5), str([1, "a"]), str(b"x"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x00\x7f\x80é\u200b"))
for c in "aé€😀":
    print(c, ord(c), hex(ord(c)))
try:
    s[5]
except IndexError as e:
    print("IndexError", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
print(hash("abc") == hash("ab" + "c"), "a" "b" == "ab", str() == "")
