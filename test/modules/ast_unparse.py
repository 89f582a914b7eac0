# expected: python3.13 (3.13 unparse formatting)
# ast.unparse: CPython's formatting of parsed trees (precedence parentheses,
# docstrings, f-strings, patterns), and parse(unparse(t)) giving t back.
import ast
snippets = [
    'a, b = c', 'for a, b in x: pass', 'x = 1, 2', 'f(a)[1:2, 3]', 'del a, b',
    'x = yield', 'lambda: (yield)', 'a if b else c', '-x ** 2', '(-x) ** 2',
    'not a == b', 'a = b = 1', 'x[1:2]', 'x[a, b]', 'f(x for x in y)',
    'print(*a, **k)', 'x = 1e400', "f'{x!r:>{w}} b'", 'import a.b as c',
    'from . import x', 'global a, b', 'with a as b, c: pass',
    'try:\n  pass\nexcept E as e:\n  pass\nelse:\n  pass\nfinally:\n  pass',
    'class A(B, metaclass=M):\n  "doc"\n  x: int = 1',
    '@d\nasync def f(a, /, b=1, *c, d, **e) -> int:\n  await x\n  return',
    'assert x, y',
    'match x:\n case [1, *r] | {"k": v, **kw} if v: pass\n case C(1, a=b) as z: pass\n case _: pass',
    'x = {**a, "b": 1}', '(a := 1)', 'a < b < c', 'x = ...', "'a' 'b'",
    'x = 1j', 'if a:\n  pass\nelif b:\n  pass\nelse:\n  pass',
    'while x:\n  break\nelse:\n  continue', 'raise E from c', 'a @= b', 'x: int',
    'def f():\n  """doc\n  more"""\n  pass', 'x = "a\\nb"', 'x = (-1) ** 2', 'x = 2 ** -1',
    'x = 1 .real', '{k: v for k, v in x if k}', '[*a, *b]', 'x = ()', 'x = (1,)',
    'x = a and b or c', 'x = (a or b) and c', 'x = a and not b',
    'try:\n pass\nexcept* E:\n pass', "f'{a!r} {b:{c}} {{x}} \\n'", 'f"{x[\'k\']}"',
    'x = "it\'s"', "x = 'say \"hi\"'", 'def f(*, a): pass', 'x = {*()}',
    'print(1, sep="")\nclass C: pass\ndef g(): pass',
]
for s in snippets:
    text = ast.unparse(ast.parse(s))
    again = ast.unparse(ast.parse(text))
    print(repr(text), "stable" if again == text else "UNSTABLE")
print(ast.unparse(ast.parse("x + 1", mode="eval")))
print(ast.unparse(ast.BinOp(ast.Name("a"), ast.Mult(), ast.BinOp(ast.Name("b"), ast.Add(), ast.Constant(1)))))
