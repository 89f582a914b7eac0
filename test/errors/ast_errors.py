# expected: python3.13 (3.13 messages of compile() on malformed trees)
# compile() of hand-built trees that the parser could never produce: CPython's
# TypeError/ValueError/SyntaxError, never a crash.
import ast
def L(n):
    return ast.fix_missing_locations(n)
cases = {
 "store ctx in eval": lambda: ast.Expression(ast.Name("x", ast.Store())),
 "assign to constant": lambda: ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(2))], []),
 "empty def body": lambda: ast.Module([ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], None)], []),
 "None identifier": lambda: ast.Expression(ast.Name("None", ast.Load())),
 "bad field type": lambda: ast.Expression(1),
 "compare mismatch": lambda: ast.Expression(ast.Compare(ast.Constant(1), [ast.Lt(), ast.Gt()], [ast.Constant(2)])),
 "dict mismatch": lambda: ast.Expression(ast.Dict([ast.Constant(1)], [])),
 "list field not list": lambda: ast.Module(ast.Pass(), []),
 "load ctx assign": lambda: ast.Module([ast.Assign([ast.Name("x", ast.Load())], ast.Constant(2))], []),
 "empty if body": lambda: ast.Module([ast.If(ast.Constant(1), [], [])], []),
 "starred load": lambda: ast.Expression(ast.Starred(ast.Name("x", ast.Load()), ast.Load())),
 "del constant": lambda: ast.Module([ast.Delete([ast.Constant(1)])], []),
 "match empty cases": lambda: ast.Module([ast.Match(ast.Name("x", ast.Load()), [])], []),
 "matchvalue name": lambda: ast.Module([ast.Match(ast.Name("x", ast.Load()), [ast.match_case(ast.MatchValue(ast.Name("y", ast.Load())), None, [ast.Pass()])])], []),
 "await outside": lambda: ast.Expression(ast.Await(ast.Constant(1))),
 "kw_defaults mismatch": lambda: ast.Expression(ast.Lambda(ast.arguments([], [], None, [ast.arg("a")], [], None, []), ast.Constant(1))),
 "defaults too many": lambda: ast.Expression(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1)]), ast.Constant(1))),
 "boolop one value": lambda: ast.Expression(ast.BoolOp(ast.And(), [ast.Constant(1)])),
 "empty try": lambda: ast.Module([ast.Try([ast.Pass()], [], [], [])], []),
 "import from negative level": lambda: ast.Module([ast.ImportFrom("x", [ast.alias("y")], -1)], []),
 "nonlocal at module": lambda: ast.Module([ast.Nonlocal(["x"])], []),
 "global empty": lambda: ast.Module([ast.Global([])], []),
 "yield in eval": lambda: ast.Expression(ast.Yield(None)),
 "joinedstr bad": lambda: ast.Expression(ast.JoinedStr([ast.Name("x", ast.Load())])),
 "formatted bad conv": lambda: ast.Expression(ast.JoinedStr([ast.FormattedValue(ast.Name("x", ast.Load()), 7, None)])),
 "class empty body": lambda: ast.Module([ast.ClassDef("C", [], [], [], [])], []),
 "with no items": lambda: ast.Module([ast.With([], [ast.Pass()])], []),
 "raise cause no exc": lambda: ast.Module([ast.Raise(None, ast.Constant(1))], []),
 "subscript store in load": lambda: ast.Expression(ast.Subscript(ast.Name("x", ast.Load()), ast.Constant(1), ast.Store())),
 "slice outside": lambda: ast.Expression(ast.Slice(None, None, None)),
}
for name, make in cases.items():
    mode = "eval" if name in () else None
    try:
        tree = L(make())
        mode = "eval" if isinstance(tree, ast.Expression) else "exec"
        co = compile(tree, "<t>", mode)
        print(name, "-> compiled")
    except Exception as e:
        print(name, "->", type(e).__name__, e)
for bad in [ast.Expression(ast.Name(1, ast.Load())), ast.Module([ast.Pass()], None),
            ast.Module([1], []), ast.Expression(ast.Constant(object())),
            ast.Expression(ast.Constant(1, kind=5)), ast.Module(body=[ast.Expr(ast.Name("x", 5))])]:
    try:
        compile(ast.fix_missing_locations(bad), "<bad>", "exec" if isinstance(bad, ast.Module) else "eval")
        print("compiled")
    except Exception as e:
        print(type(e).__name__, e)
try:
    compile(ast.Module([], []), "<m>", "eval")
except TypeError as e:
    print("TypeError", e)
print(ast.parse("x = 1", mode="exec") is not None, compile(ast.parse("x"), "<m>", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
