# expected: python3.13 (3.12+ deprecation warnings of the old literal node classes)
# ast.Num/Str/Bytes/NameConstant/Ellipsis as deprecated stand-ins for
# ast.Constant; Constant.n and .s; Index/ExtSlice/Suite/Param/AugLoad.
import ast, warnings
import sys
def show(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = fn()
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
    for x in w:
        print("  warn:", x.category.__name__, x.message)
    print(r)
show(lambda: ast.Num)
show(lambda: type(ast.Num(5)).__name__)
show(lambda: ast.dump(ast.Num(5)))
show(lambda: ast.Num(n=5).n)
show(lambda: ast.Str("a").s)
show(lambda: ast.Bytes(b"x").s)
show(lambda: ast.NameConstant(None).value)
show(lambda: ast.Ellipsis().value)
show(lambda: isinstance(ast.Constant(5), ast.Num))
show(lambda: isinstance(ast.Constant("s"), ast.Num))
show(lambda: isinstance(ast.Constant("s"), ast.Str))
show(lambda: isinstance(ast.Constant(True), ast.Num))
show(lambda: isinstance(ast.Constant(True), ast.NameConstant))
show(lambda: isinstance(ast.Constant(...), ast.Ellipsis))
show(lambda: isinstance(ast.Constant(b""), ast.Bytes))
show(lambda: isinstance(ast.Constant(1j), ast.Num))
show(lambda: isinstance(ast.Num(5), ast.Constant))
show(lambda: type(ast.Num(5)).__name__)
show(lambda: ast.Constant(5).n)
show(lambda: ast.Constant("x").s)
show(lambda: setattr(ast.Constant(5), "n", 3))
show(lambda: ast.Num.__mro__)
show(lambda: ast.dump(ast.Num(1, 2)))
show(lambda: ast.Num(5, kind='u').kind)
show(lambda: ast.Num.__module__)
show(lambda: ast.Num._fields)
show(lambda: ast.Str._fields)
show(lambda: ast.Num.__doc__)
show(lambda: ast.Ellipsis(lineno=1).lineno)
show(lambda: ast.dump(ast.Str('a', lineno=3), include_attributes=True))
show(lambda: repr(ast.Num))
show(lambda: hasattr(ast, "Index"))
show(lambda: ast.Index(5))
show(lambda: ast.dump(ast.ExtSlice([ast.Slice()])))
show(lambda: [n.id for n in ast.Tuple([ast.Name("a")]).dims])
show(lambda: ast.Suite)
show(lambda: ast.Param)
show(lambda: ast.AugLoad)
class N(ast.Num): pass
show(lambda: isinstance(N(5), ast.Num))
show(lambda: isinstance(ast.Constant(5), N))
show(lambda: type(N(5)).__name__)

# AST constructors: unknown keywords and missing fields warn (3.13)
show(lambda: ast.dump(ast.Constant(n=5)))
show(lambda: ast.dump(ast.Constant()))
show(lambda: ast.dump(ast.Name()))
show(lambda: ast.Constant(1, 2, 3))
show(lambda: ast.dump(ast.Constant(1, value=2)))
show(lambda: ast.dump(ast.Num(5, n=3)))
show(lambda: ast.Num(5, kind=None).value)

# with the default filters the warning is shown once, at the caller's line
sys.stdout.flush()
ast.Str('q')
ast.Str('q')
sys.stderr.flush()
print('done')
