s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.index("fox"), s.rindex("o"))
print(s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("o", 20, 30))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("lazy", 0, 39), s.startswith("quick", 4))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError", e)
print("x" in s, "fox" in s, "" in s, s.find(""), "abc".find("c", -1))
print("a,b,,c".partition(","), "a,b,,c".rpartition(","), "abc".partition("x"))
