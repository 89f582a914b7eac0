# expected: python3.13 (the reference)
# inspect.Parameter / Signature / BoundArguments as objects: validation messages, str/repr,
# equality and hashing, replace, format(max_width), and bind/bind_partial on random
# signatures with random calls (fixed seed), including args/kwargs/apply_defaults.
import inspect, random
from inspect import Parameter as P, Signature as S

PO, PK, VP, KO, VK = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.VAR_POSITIONAL,
                      P.KEYWORD_ONLY, P.VAR_KEYWORD)
print([str(k) for k in (PO, PK, VP, KO, VK)], [int(k) for k in (PO, PK, VP, KO, VK)])
print([k.description for k in (PO, PK, VP, KO, VK)], repr(PO), P.empty is S.empty)

def attempt(fn):
    try:
        r = fn()
        print("ok", repr(r))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

attempt(lambda: P("a", 7))
attempt(lambda: P("a", "x"))
attempt(lambda: P("a", VP, default=1))
attempt(lambda: P("a", VK, default=1))
attempt(lambda: P(P.empty, PK))
attempt(lambda: P(3, PK))
attempt(lambda: P("1x", PK))
attempt(lambda: P("class", PK))
attempt(lambda: P(".0", PK))
attempt(lambda: P(".0", KO))
attempt(lambda: P("a", 2))
attempt(lambda: P("a", PK, default=None, annotation=int))
attempt(lambda: P("a", PK, annotation="str"))
attempt(lambda: P("a", VP, annotation=list[int]))
attempt(lambda: P("kw", VK))

p = P("x", PK, default=3, annotation=int)
q = p.replace(name="y", default=P.empty)
print(p, q, p.replace(kind=KO).kind, p.replace(annotation=P.empty), p == P("x", PK, default=3, annotation=int))
print(hash(p) == hash(P("x", PK, default=3, annotation=int)), p != q, p == 3, p.__eq__(3))
attempt(lambda: p.replace(kind=VP))
print(p.name, p.kind, p.default, p.annotation, q.default is P.empty)
try:
    p.name = "z"
except AttributeError as e:
    print("AttributeError")

attempt(lambda: S([P("a", KO), P("b", PK)]))
attempt(lambda: S([P("a", PK, default=1), P("b", PK)]))
attempt(lambda: S([P("a", PO, default=1), P("b", PK)]))
attempt(lambda: S([P("a", PK, default=1), P("b", KO)]))
attempt(lambda: S([P("a", PK), P("a", KO)]))
attempt(lambda: S([P("a", VK), P("b", VP)]))
attempt(lambda: S([P("a", KO), P("b", PK)], __validate_parameters__=False))
attempt(lambda: S(return_annotation=int))
attempt(lambda: S())

s1 = S([P("a", PO), P("b", PK, default=2), P("c", VP), P("d", KO), P("e", KO, default=5), P("f", VK)],
       return_annotation=list[int])
s2 = S([P("a", PO), P("b", PK, default=2), P("c", VP), P("e", KO, default=5), P("d", KO), P("f", VK)],
       return_annotation=list[int])
print(s1, s2, s1 == s2, hash(s1) == hash(s2), s1 != s2)
print(s1 == s2.replace(return_annotation=int), s1 == s1.replace(), s1.replace(parameters=[]) == S(),
      s1 == "x", s1.__eq__(None))
print(repr(s1))
print(s1.parameters)
print(list(s1.parameters), s1.return_annotation, type(s1.parameters).__name__)
try:
    s1.parameters["zz"] = 1
except TypeError as e:
    print("TypeError", e)
print(s1.format(max_width=20))
print(s1.format(max_width=200))
print(S([P("a", PO)]), S([P("a", KO)]), S([P("a", VP), P("b", KO)]), S([P("a", PO), P("b", KO)]))
print(S([P("a", PO), P("b", PO, default=None)]).format(max_width=1))

def bind_show(sig, args, kwargs):
    for partial in (False, True):
        try:
            b = sig.bind_partial(*args, **kwargs) if partial else sig.bind(*args, **kwargs)
        except TypeError as e:
            print("  ", "partial" if partial else "bind", "TypeError", e)
            continue
        line = [repr(b), repr(b.args), repr(b.kwargs)]
        b.apply_defaults()
        line.append(repr(b.arguments))
        print("  ", "partial" if partial else "bind", " ".join(line))

r = random.Random(11)
names = "abcdefgh"
for i in range(150):
    params = []
    seen_default = False
    used = 0
    for kind in sorted(r.choices([PO, PK, VP, KO, VK], k=r.randint(0, 6))):
        if kind in (VP, VK) and any(p.kind == kind for p in params):
            continue
        name = names[used]; used += 1
        default = P.empty
        if kind in (PO, PK):
            if seen_default or r.random() < 0.3:
                default = r.randint(0, 9); seen_default = True
        elif kind == KO and r.random() < 0.4:
            default = r.randint(0, 9)
        params.append(P(name, kind, default=default))
    sig = S(params)
    npos = r.randint(0, 4)
    args = tuple(range(100, 100 + npos))
    kwargs = {}
    for _ in range(r.randint(0, 3)):
        kwargs[r.choice(names[:used + 2] or "ab")] = r.randint(10, 20)
    print(i, sig, args, kwargs)
    bind_show(sig, args, kwargs)

ba = s1.bind(1, 2, 3, 4, d=7, z=0)
print(ba, ba.signature is s1, ba.args, ba.kwargs)
print(ba == s1.bind(1, 2, 3, 4, d=7, z=0), ba == s2.bind(1, 2, 3, 4, d=7, z=0), ba == 1)
ba.arguments["b"] = 20
print(ba.args)
del ba.arguments["b"]
print(ba.args, ba.kwargs)
ba.apply_defaults()
print(ba)
emp = S().bind()
print(emp, emp.args, emp.kwargs)
def fn(a, b=2, /, c=3, *args, d, e=5, **kw): pass
print(inspect.signature(fn).bind(1, d=1, e=2, a=9, b=8))
print(inspect.signature(fn).bind_partial(c=1))
attempt(lambda: inspect.signature(fn).bind(a=1, d=1))
attempt(lambda: inspect.signature(fn).bind())
attempt(lambda: inspect.signature(fn).bind(1))
attempt(lambda: inspect.signature(fn).bind(1, c=2, d=3, self=4))
attempt(lambda: S.bind(inspect.signature(fn), 1, d=2))
