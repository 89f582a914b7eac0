# expected: python3.13 (the reference)
from collections import Counter
a = Counter(a=3, b=1, c=-2); b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +a, -a, a == Counter(a=3, b=1, c=-2), a != b, Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2), Counter(a=3) >= Counter(a=1, b=0), Counter() == Counter(x=0))
x = Counter(a=3, b=1); x += Counter(a=-5, c=2); print(x); x -= Counter(c=1); print(x); x |= Counter(c=5, d=1); print(x); x &= Counter(c=2, d=9); print(x)
print(a.total(), sorted(a.elements()), a.most_common(2), Counter('abracadabra').most_common(), repr(Counter()), a == {'a': 3, 'b': 1, 'c': -2}, Counter(a=1) == 1)
