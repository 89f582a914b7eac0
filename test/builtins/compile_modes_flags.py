code = compile("x = 1\ny = x + 1\n", "<module>", "exec")
ns = {}
exec(code, ns)
print(ns["y"], code.co_name, code.co_filename, "x" in code.co_names)
expr = compile("y * 2", "<e>", "eval")
print(eval(expr, {"y": 21}), expr.co_name)
single = compile("print('single mode prints')", "<s>", "single")
exec(single)
src = b"# comment\nresult = 'from bytes source'\n"
exec(compile(src, "<bytes>", "exec"), ns)
print(ns["result"])
import ast
tree = ast.parse("a = 1 + 2")
print(type(tree).__name__, type(tree.body[0]).__name__, ast.dump(tree.body[0].value))
ns2 = {}
exec(compile(tree, "<ast>", "exec"), ns2)
print(ns2["a"])
try:
    compile("x = 1", "<e>", "eval")
except SyntaxError as e:
    print("SyntaxError", e.msg)
