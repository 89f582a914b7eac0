# expected: python3.13 (3.13 SyntaxError positions)
# SyntaxErrors of the match statement (compile-time checks and parser
# errors) and the run-time TypeErrors/ValueErrors of class and mapping patterns.
def check(src):
    try:
        compile(src, "<match>", "exec")
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} (line {e.lineno}, col {e.offset})")
    else:
        print("compiled:", src.splitlines()[1].strip() if "\n" in src else src)

check("match x:\n case 1: pass\n case _ | 2: pass")
check("match x:\n case y: pass\n case 2: pass")
check("match x:\n case _: pass\n case 2: pass")
check("match x:\n case 1 if y: pass\n case z: pass\n case 3: pass")
check("match x:\n case [a, a]: pass")
check("match x:\n case {'k': a, **a}: pass")
check("match x:\n case a | b: pass")
check("match x:\n case [a] | b: pass")
check("match x:\n case [a] | [b]: pass")
check("match x:\n case (a, 1) | (1, b): pass")
check("match x:\n case [*a, *b]: pass")
check("match x:\n case {1: a, 1: b}: pass")
check("match x:\n case {'a': 1, 'a': 2}: pass")
check("match x:\n case {-1: a, -1: b}: pass")
check("match x:\n case C(a=1, a=2): pass")
check("match x:\n case C(a=1, 2): pass")
check("match x:\n case 1 as _: pass")
check("match x:\n case 1 as 2: pass")
check("match x:\n case {**_}: pass")
check("match x\n case 1: pass")
check("match x:\n case 1\n  pass")
check("match x:\ncase 1: pass")
check("match x:\n case 1:\n pass")
check("match x:\n case 1+1: pass")
check("match x:\n case {f(): 1}: pass")
check("match x:\n case {**r, 1: 2}: pass")
check("match x:\n case __debug__: pass")
check("match x:\n case C(__debug__=1): pass")
check("match x:\n case (x|_): pass\n case 1: pass")
check("match x:\n case C(1)(2): pass")
check("match x:\n case f'{x}': pass")
check("match x:\n case [1, x] | [x]: pass")
check("match x:\n case _: pass")
check("match x:\n case (1 | 2) as y if y: pass\n case _: pass")
check("match = 1")
check("match(x)")
check("match[1]")
check("match -x")
check("match * x")

class A: pass
class B:
    __match_args__ = ["a"]
class C:
    __match_args__ = (1,)
class D:
    __match_args__ = ("a",)
    a = 1
def run(subject, f):
    try:
        print("ok:", f(subject))
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
def not_a_class(s):
    notcls = 1
    match s:
        case notcls(): return "matched"
    return "no match"
run(1, not_a_class)
def via_b(s):
    match s:
        case B(1): return "matched"
def via_c(s):
    match s:
        case C(1): return "matched"
def via_d(s):
    match s:
        case D(1, 2): return "matched"
def via_a(s):
    match s:
        case A(1): return "matched"
def dup_attr(s):
    match s:
        case D(1, a=1): return "matched"
def via_int(s):
    match s:
        case int(1, 2): return "matched"
run(B(), via_b)
run(C(), via_c)
run(D(), via_d)
run(A(), via_a)
run(D(), dup_attr)
run(5, via_int)
run(1, via_a)   # not an instance: no error, no match
class K:
    x = "k"
    y = "k"
def dup_key(s):
    match s:
        case {K.x: 1, K.y: 2}: return "matched"
run({"k": 1, "j": 2}, dup_key)
class BadGet(dict):
    def get(self, k, d=None):
        raise TypeError("get failed")
def uses_get(s):
    match s:
        case {"a": 1}: return "matched"
run(BadGet(a=1), uses_get)
class BadLen(list):
    def __len__(self):
        raise ValueError("len failed")
def uses_len(s):
    match s:
        case [1]: return "matched"
run(BadLen([1]), uses_len)
class BadAttr:
    __match_args__ = ("p",)
    @property
    def p(self):
        raise TypeError("attribute failed")
def uses_attr(s):
    match s:
        case BadAttr(1): return "matched"
run(BadAttr(), uses_attr)
class MissingAttr:
    __match_args__ = ("p",)
def missing(s):
    match s:
        case MissingAttr(1): return "matched"
    return "no match"
run(MissingAttr(), missing)
