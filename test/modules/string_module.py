import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c", "-"))
t = string.Template("$who likes ${what}; cost $$5")
print(t.substitute(who="tim", what="pie"), t.safe_substitute(who="x"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b:>3}c")))
