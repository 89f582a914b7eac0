s = "abc"
t = 'def'
print(s + t)
print(len(s + t))
print(s * 2)
