# expected: python3.13 (the prompt without a terminal: python -q -i < file)
# __future__ imports typed at the prompt stay on for the later inputs:
# annotations (not evaluated) and barry_as_FLUFL ("<>" valid, "!=" an error).
import os, sys, tempfile

SESSION = '''\
1 <> 2
x = 5
x
from __future__ import annotations
def f(a: undefined) -> nothing: pass

f.__annotations__
class C:
    y: int = 3
    def m(self) -> C: return self

C.m.__annotations__
1 != 2
from __future__ import barry_as_FLUFL
1 <> 2
1 != 2
[a for a in range(5) if a <> 2]
exec("print(3 <> 4)")
eval("7 <> 7")
compile("1 != 2", "s", "eval", dont_inherit=True).co_flags & 0x400000
if x <> 5:
    print("no")
else:
    print("yes")

print("end")
'''

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "session.txt")
    with open(path, "w") as f:
        f.write(SESSION)
    sys.stdout.flush()
    status = os.system(sys.executable + " -q -i < " + path + " 2>&1")
    print("status", status >> 8)

# In a module the import does not change the parse, but the code's flags
# carry it to eval/exec/compile.
import __future__
src = "from __future__ import barry_as_FLUFL\nr = eval('1 <> 2')\n"
ns = {}
exec(src, ns)
print(ns["r"])
flag = __future__.barry_as_FLUFL.compiler_flag
print(flag, eval(compile("3 <> 3", "s", "eval", flag)))
for src, fl in [("1 <> 2", 0), ("1 != 2", flag), ("a < b <> c", 0), ("a < b != c", flag),
                ("x = 1 <>", 0), ("if a != b: pass", flag), ("f(a <> b)", 0)]:
    try:
        compile(src, "s", "exec", fl, True)
        print(src, "ok")
    except SyntaxError as e:
        print(repr(src), fl, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
print(hex(compile("x = 1 <> 2", "s", "exec", flag, True).co_flags & flag))
print(compile("x = 1 != 2", "s", "exec", 0, True).co_flags & flag)
# compile(..., PyCF_ONLY_AST) parses with the flag too; ast.parse without it.
import ast
print(ast.dump(compile("1 <> 2", "s", "eval", ast.PyCF_ONLY_AST | flag)))
for src, fl in [("1 != 2", ast.PyCF_ONLY_AST | flag), ("1 <> 2", ast.PyCF_ONLY_AST)]:
    try:
        compile(src, "s", "eval", fl, True)
    except SyntaxError as e:
        print(e, e.offset, e.end_offset)
