# expected: python3.13 (3.13 ast.dump omits empty fields; node constructor defaults)
# The ast module: parse, dump (with indent and attributes), literal_eval, walk,
# visitors, location helpers, hand-built trees and compiling trees back.
import ast
t = ast.parse("x = 1 + 2\nprint(x)")
print(ast.dump(t))
print(ast.dump(t, include_attributes=True))
print(ast.dump(t, indent=4))
print(ast.dump(ast.parse("def f(a, *b, c=1, **d) -> int:\n    '''doc'''\n    return a\n"), indent=2))
print(ast.dump(ast.parse("match x:\n case [1, *r] | {'k': r}: pass\n case C(a, b=c) if d: pass")))
print(ast.literal_eval("[1, 2.5, -3, 1+2j, (None, True), {'a': {1, 2}}, b'x', set()]"))
try:
    ast.literal_eval("f(1)")
except ValueError as e:
    print("ValueError", str(e).split(":")[0])
print([type(n).__name__ for n in ast.walk(ast.parse("a + b * c"))])
class V(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id)
        self.generic_visit(node)
V().visit(ast.parse("a = b(c)"))
class T(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(node.value * 10), node)
tree = T().visit(ast.parse("print(1 + 2)"))
exec(compile(tree, "<t>", "exec"))
n = ast.Name("x")
print(ast.dump(n), type(n.ctx).__name__)
m = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("hand made")], []))], [])
ast.fix_missing_locations(m)
exec(compile(m, "<m>", "exec"))
print(ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes, ast.Name.__doc__)
print(ast.get_docstring(ast.parse('"""mod doc"""\nx=1')))
e = ast.parse("1 + 2", mode="eval")
print(type(e).__name__, eval(compile(e, "<e>", "eval")))
print(isinstance(e, ast.AST), ast.Load() is ast.Load(), type(ast.parse("x").body[0].value.ctx).__name__)
src = "a = [1,\n  2]"
print(repr(ast.get_source_segment(src, ast.parse(src).body[0].value)))
try:
    compile(ast.Module([ast.Expr(ast.Name("x", ast.Load()))], []), "<bad>", "exec")
except TypeError as e:
    print("TypeError", e)
try:
    compile(ast.Expression(ast.Constant(1)), "<bad>", "exec")
except TypeError as e:
    print("TypeError", e)
print(ast.increment_lineno(ast.parse("x"), 3).body[0].lineno)
# Every node class: fields, attributes, defaults for omitted fields.
print(ast.BinOp._fields, ast.stmt._attributes, ast.arguments._fields)
print(ast.dump(ast.FunctionDef("f", ast.arguments())), ast.dump(ast.arguments()))
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Add, ast.operator), ast.Match._fields)
print(ast.match_case._fields, ast.MatchClass._fields, ast.MatchMapping._fields)
b = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(b))
try:
    ast.BinOp(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    ast.Name("x", id="y")
except TypeError as e:
    print("TypeError", e)
# A match statement round trip through the tree.
src = """
def classify(v):
    match v:
        case [x, *rest] if x > 0: return ("pos-head", rest)
        case {"k": (1 | 2) as k, **kw}: return ("k", k, kw)
        case complex(real=r): return ("complex", r)
        case _: return "other"
"""
ns = {}
exec(compile(ast.parse(src), "<match>", "exec"), ns)
for v in [[3, 4, 5], [-1], {"k": 2, "z": 0}, 1j, "s"]:
    print(ns["classify"](v))
print(ast.dump(ast.parse("match p:\n case Point(x=0) | [_, *_]: pass").body[0].cases[0].pattern))
# Positions survive the round trip: tracebacks point at the same line.
tree = ast.parse("x = 1\n\ny = 1 / 0\n")
try:
    exec(compile(tree, "<pos>", "exec"), {})
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_lineno)
print(ast.dump(ast.parse("f(*a, k=1, **kw)", mode="eval"), indent=" "))
print(ast.dump(ast.parse("lambda a, /, b=2, *c, d, e=5, **f: 0", mode="eval").body.args))
print(ast.dump(ast.parse("x", mode="single")))
print(ast.parse("if a:\n  pass\nelif b:\n  pass").body[0].orelse[0].lineno)
import copy, pickle
# copy, deepcopy and pickle of trees; AST itself; user-defined node classes.
t = ast.parse("x = [1, 2]\nmatch x:\n case [a, *b]: print(a, b)")
t2 = copy.deepcopy(t)
print(ast.dump(t2) == ast.dump(t), t2 is not t, t2.body[0] is not t.body[0])
t3 = pickle.loads(pickle.dumps(t))
print(ast.dump(t3, include_attributes=True) == ast.dump(t, include_attributes=True))
exec(compile(t3, "<p>", "exec"))
n = ast.Name(id="v", ctx=ast.Load())
print(copy.copy(n).id, sorted(n.__dict__))
print(ast.AST()._fields, isinstance(ast.Load(), ast.expr_context))
class MyNode(ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))
print(ast.dump(ast.parse("a.b = c[d] = e")))
