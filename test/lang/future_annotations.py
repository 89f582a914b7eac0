# expected: python3.13 (PEP 563 annotations as CPython 3.13 unparses them)
# from __future__ import annotations: annotations kept as source text.
from __future__ import annotations
import sys
import __future__
def f(a: int, b: list[int] = [], *args: tuple[int, ...], c: "str" = 1, d: dict[str, int | None], **kw: Callable[[int], str]) -> Optional[List[int]]: pass
print(f.__annotations__)
class C:
    x: int
    y: List[Dict[str, int]] = 5
    z: (1, 2)
    w: 1 + 2 * 3 - (4 - 5) ** -2 ** 3
    v: a if b else c
    u: lambda x, *y, z=3, **k: x
    t: [x for x in y if x] 
    s: {a: b for a, b in c}
    r: {1, 2, *x}
    q: f"a{b!r:>{c}}d{e=}"
    p: a.b.c[1:2, ::3, d:]
    o: not a and b or c
    n: a < b <= c is not d not in e
    m: ~a + -b + +c
    l: x
    k: y
    j: x[()]
    i: x[(1,)]
    h: x
    g: b'abc' b'x'
    e2: ...
    d2: 1e100 + 1j + 0.5 + 10**400
    c2: a @ b // c % d << e >> f & g ^ h | i
    b2: f(*a, **b, c=1)
    a2: {**a, 'b': 1}
    z2: (a for a in b)
    y2: -1 ** 2
    x2: (-1) ** 2
    w2: a[b, c]
    v2: a[*b]
    u2: None | True | False
    t2: 'it''s "q"'
    s2: [*a, *b]
    r2: (*a, b)
    q2: x if (y if z else w) else v
    p2: lambda: 1
    o2: (a, b)[0]
    n2: a.__class__
    m2: 1 .real
    l2: (1).real
    k2: 1.5.real
    j2: {}
    i2: ()
    h2: b.c
    g2: [a async for a in b]
    f2: {'a': 1, **{'b': 2}}
    e3: a if b else (lambda: c)
    d3: (lambda: c) if b else a
    c3: not (a == b)
    b3: a ** b ** c
    a3: (a ** b) ** c
    z3: (not a) + 1
    y3: f'{x}' f'{y}'
    x3: f'{"a"}'
    w3: f'{x:{y}}' 
    v3: f"{'\n'}"
    u3: f'{3.14!s:.2f}'
    t3: u'abc'
    s3: a[1:2:3]
    r3: a[:]
    q3: a
for k, v in C.__annotations__.items(): print(k, repr(v))
x: int = 3
y: 'str'
print(__annotations__)

# nested functions and methods carry the flag; default values are evaluated
class D:
    def m(self, other: D, *, k: int = 1 + 1) -> D | None: ...
    @staticmethod
    def s(x: List[int]): ...
print(D.m.__annotations__, D.m.__kwdefaults__, D.s.__annotations__)
print(hex(D.m.__code__.co_flags & __future__.annotations.compiler_flag))
def outer():
    T = int
    def inner(a: T) -> T: return a
    return inner
print(outer().__annotations__, outer().__code__.co_freevars)
# annotated assignments in functions are not stored or evaluated
def g():
    v: undefined_name = 5
    return v
print(g())
# exec/eval/compile inherit the feature; dont_inherit=True does not
ns = {}
exec("def h(a: int): pass", ns)
print(ns["h"].__annotations__)
exec(compile("def h(a: int): pass", "<c>", "exec", dont_inherit=True), ns)
print(ns["h"].__annotations__)
print(eval("(lambda: 1).__code__.co_flags") & __future__.annotations.compiler_flag != 0)
