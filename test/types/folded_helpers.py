# expected: python3.13 (OrderedDict repr)
# Behaviour of code paths that share one helper each: comprehension
# unparsing, OrderedDict pop/setdefault argument parsing, set membership
# (the `in` operator and frozenset retry), traceback printing.
import ast, sys
for s in ["[x for x in y if x]", "{x for x in y}", "{k: v for k, v in y async for z in w}",
          "(x for x in y)", "f(x for x in y)", "[(a, b) for a in c for b in d if a if b]",
          "{**{k: v for k in y}}"]:
    print(ast.unparse(ast.parse(s)))

from collections import OrderedDict as O
d = O(a=1)
print(d.setdefault(key="b", default=2), d.setdefault("c"), d.pop(key="a", default=9),
      d.pop("zz", 7), d, O.fromkeys("ab"), O.fromkeys(iterable="x", value=3))
for call in (lambda: d.setdefault(), lambda: d.pop(), lambda: d.pop("q"),
             lambda: d.setdefault(1, 2, 3), lambda: d.pop(k=1), lambda: d.setdefault([], 1)):
    try:
        call()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)

s = {1, 2, frozenset({3}), "a"}
print({3} in s, 1 in s, 5 in s, set() in s, "a" in s, frozenset({3}) in s)
try:
    [] in s
except TypeError as e:
    print(e)

def boom():
    raise ValueError("x")
try:
    boom()
except ValueError:
    import traceback
    traceback.print_exc(file=sys.stdout)
