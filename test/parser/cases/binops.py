x = a + b - c * d / e // f % g ** h @ i
y = a << b >> c & d ^ e | f
z = -a + +b - ~c
w = a ** -b
v = -a ** b
u = (a + b) * c
