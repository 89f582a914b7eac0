# value semantics of ints and strings without relying on identity
a = 1000
b = 999 + 1
print(a == b, hash(a) == hash(b))
s1 = "".join(["ab", "cd"])
s2 = "abcd"
print(s1 == s2, hash(s1) == hash(s2))
t1 = tuple([1, 2]); t2 = (1, 2)
print(t1 == t2)
