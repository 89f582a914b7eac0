c = compile("a + b", "<expr>", "eval")
print(type(c).__name__, eval(c, {"a": 1, "b": 2}), c.co_filename)
c2 = compile("x = 3\nprint('compiled exec', x)", "<exec>", "exec")
exec(c2)
c3 = compile("1 + 1", "<single>", "single")
exec(c3)
try:
    compile("def (", "myfile.py", "exec")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    compile("1", "f", "bogus")
except ValueError as e:
    print("ValueError", e)
code = compile("def g():\n    return 'from g'\n", "<defs>", "exec")
ns = {}
exec(code, ns)
print(ns["g"](), ns["g"].__code__.co_filename, ns["g"].__code__.co_name)
import ast
tree = compile("1 + 2", "<ast>", "eval", ast.PyCF_ONLY_AST)
print(type(tree).__name__, eval(compile(tree, "<ast>", "eval")))
