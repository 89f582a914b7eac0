# expected: python3.13 (compile() of ast.Constant holding tuples, frozensets, complex)
# compile() of AST objects whose Constant nodes hold tuple, frozenset and
# complex values (as AST optimisers produce them).
import ast

def run(node, mode="eval"):
    if mode == "eval":
        tree = ast.Expression(body=node)
    else:
        tree = ast.Module(body=node, type_ignores=[])
    ast.fix_missing_locations(tree)
    return eval(compile(tree, "<ast>", mode)) if mode == "eval" else exec(compile(tree, "<ast>", mode))

for v in [(1, 2), (), ((1, "a"), (None, b"x", 2.5)), frozenset(), frozenset({1}),
          (frozenset({"a"}),), 1+2j, -0.0-3j, complex(1.5, 0), (1j, 2+3j),
          (True, False, ..., None), 10**30, (float("inf"), -float("inf"))]:
    r = run(ast.Constant(value=v))
    print(type(r).__name__, r, r == v)

# used in real code: a for loop over a folded tuple, `in` against a frozenset
tree = ast.parse("for x in T:\n    out.append(x in S)\n")
tree.body[0].iter = ast.Constant(value=(1, 2, 3))
tree.body[0].body[0].value.args[0].comparators[0] = ast.Constant(value=frozenset({2}))
out = []
ast.fix_missing_locations(tree)
exec(compile(tree, "<ast>", "exec"), {"out": out})
print(out)

# round trips through ast: dump and unparse
c = ast.Constant(value=(1, (2, 3j)))
print(ast.dump(c))
print(ast.unparse(c))
print(ast.literal_eval(c))

# invalid items are rejected as CPython does
for bad in [[1], (1, [2]), frozenset({(1, 2)}) | {object}, {1: 2}, (1, {3})]:
    try:
        run(ast.Constant(value=bad))
    except TypeError as e:
        print("TypeError:", e)
