x = a or b and not c
y = not a == b
z = a if b else c if d else e
w = a | b ^ c & d << e + f * g ** h
