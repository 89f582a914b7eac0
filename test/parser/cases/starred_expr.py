*a, b = c
print(*a)
x = *a, *b
return_value = [*a, *b]
