print("a b  c".split(), "a b  c".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("  lead trail  ".split(), "".split(), "".split(","), "x".split("x"))
print("l1\nl2\r\nl3\rl4".splitlines(), "a\n\nb\n".splitlines(True), "".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print("a\tb\u2003c\x1cd".split())
