words = ["banana", "Apple", "cherry", "apple", "", "a", "B", "éclair", "Zebra"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(min(words), max(words), sorted(set(len(w) for w in words)))
print("a" * 3 == "aaa", "abc"[::-1] == "cba", "abc".__eq__("abc"), "abc".__lt__("abd"), "a".__ne__("b"))
print(hash("x") == hash("x"), {"k": 1} == {"k": 1}, "ab" in ["ab", "cd"], "abc".__contains__("bc"))
