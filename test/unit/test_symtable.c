/* test_symtable.c: the symbol table pass — scopes of names (local, global
 * explicit/implicit, free, cell, the implicit __class__ cell) and the
 * scope-related SyntaxErrors with CPython 3.13's messages and locations. */
#include "weft_test.h"
#include "pycore_parser.h"
#include "pycore_symtable.h"

TestSuite(symtable, .init = weft_setup);

static PyArena *arena;

static _PySymtable *
build(const char *src)
{
    arena = _PyArena_New();
    PyParserError err;
    mod_ty mod = _PyParser_ParseString(src, strlen(src), "<s>", Py_file_input, arena, &err);
    cr_assert_not_null(mod, "parse failed: %s", err.msg);
    return _PySymtable_Build(mod, PyUnicode_FromString("<s>"));
}

/* The entry reached by following child indexes from the module. */
static _PySTEntry *
child(_PySymtable *st, int depth, const int *path)
{
    _PySTEntry *ste = st->st_top;
    for (int i = 0; i < depth; i++) {
        cr_assert_lt(path[i], ste->ste_nchildren);
        ste = ste->ste_children[path[i]];
    }
    return ste;
}

static int
scope(_PySTEntry *ste, const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    int s = _PyST_GetScope(ste, n);
    Py_DECREF(n);
    return s;
}

Test(symtable, function_scopes)
{
    _PySymtable *st = build(
        "g = 1\n"
        "def f(a, b=2):\n"
        "    c = a\n"
        "    def inner():\n"
        "        nonlocal c\n"
        "        return c + b + g + len\n"
        "    global h\n"
        "    h = [c for c in a]\n"
        "    return inner\n");
    cr_assert_not_null(st);
    _PySTEntry *f = child(st, 1, (int[]){0});
    weft_assert_repr(f->ste_name, "'f'");
    weft_assert_repr(f->ste_varnames, "['a', 'b']");
    cr_assert_eq(scope(f, "a"), LOCAL);
    cr_assert_eq(scope(f, "b"), CELL);
    cr_assert_eq(scope(f, "c"), CELL);
    cr_assert_eq(scope(f, "inner"), LOCAL);
    cr_assert_eq(scope(f, "h"), GLOBAL_EXPLICIT);
    cr_assert(f->ste_child_free);
    _PySTEntry *inner = child(st, 2, (int[]){0, 0});
    cr_assert_eq(scope(inner, "c"), FREE);
    cr_assert_eq(scope(inner, "b"), FREE);
    cr_assert_eq(scope(inner, "g"), GLOBAL_IMPLICIT);
    cr_assert_eq(scope(inner, "len"), GLOBAL_IMPLICIT);
    cr_assert(inner->ste_nested);
    /* The comprehension is its own scope; `c` there is its own local and
     * the outermost iterable `a` was evaluated in f. */
    _PySTEntry *comp = child(st, 2, (int[]){0, 1});
    weft_assert_repr(comp->ste_name, "'<listcomp>'");
    cr_assert(comp->ste_comprehension);
    cr_assert_eq(scope(comp, "c"), LOCAL);
    cr_assert_eq(scope(comp, ".0"), LOCAL);
    cr_assert_eq(scope(comp, "a"), 0);
    cr_assert_eq(scope(st->st_top, "h"), GLOBAL_EXPLICIT);
    _PySymtable_Free(st);
}

Test(symtable, class_scopes)
{
    _PySymtable *st = build(
        "def outer():\n"
        "    x = 1\n"
        "    class C:\n"
        "        y = x\n"
        "        x = 2\n"
        "        def m(self):\n"
        "            return super().m() + x + __spam\n"
        "    return C\n");
    cr_assert_not_null(st);
    _PySTEntry *c = child(st, 2, (int[]){0, 0});
    weft_assert_repr(c->ste_name, "'C'");
    cr_assert(c->ste_needs_class_closure);
    /* x is bound in the class and free in m: still LOCAL in the class (via
     * the class namespace) but flagged, and passed through as free. */
    PyObject *x = PyUnicode_FromString("x");
    cr_assert(_PyST_GetSymbol(c, x) & DEF_FREE_CLASS);
    cr_assert_eq(scope(c, "x"), LOCAL);
    _PySTEntry *m = child(st, 3, (int[]){0, 0, 0});
    cr_assert_eq(scope(m, "x"), FREE);
    cr_assert_eq(scope(m, "__class__"), FREE);
    cr_assert_eq(scope(m, "super"), GLOBAL_IMPLICIT);
    cr_assert_eq(scope(m, "_C__spam"), GLOBAL_IMPLICIT);
    cr_assert_eq(scope(m, "__spam"), 0);
    _PySTEntry *outer = child(st, 1, (int[]){0});
    cr_assert_eq(scope(outer, "x"), CELL);
    _PySymtable_Free(st);
}

Test(symtable, mangling)
{
    PyObject *cls = PyUnicode_FromString("__Ham");
    weft_assert_str(_Py_Mangle(cls, PyUnicode_FromString("__spam")), "_Ham__spam");
    weft_assert_str(_Py_Mangle(cls, PyUnicode_FromString("__init__")), "__init__");
    weft_assert_str(_Py_Mangle(cls, PyUnicode_FromString("_x")), "_x");
    weft_assert_str(_Py_Mangle(cls, PyUnicode_FromString("__a.b")), "__a.b");
    weft_assert_str(_Py_Mangle(PyUnicode_FromString("__"), PyUnicode_FromString("__x")), "__x");
    weft_assert_str(_Py_Mangle(NULL, PyUnicode_FromString("__x")), "__x");
}

/* Build `src`, expect a SyntaxError "msg" at (lineno, offset). */
static void
expect_error(const char *src, const char *msg, int lineno, int offset)
{
    cr_assert_null(build(src), "no error for: %s", src);
    PyObject *exc = PyErr_GetRaisedException();
    cr_assert_not_null(exc);
    cr_assert(PyErr_GivenExceptionMatches(exc, PyExc_SyntaxError), "%s", src);
    PySyntaxErrorObject *se = (PySyntaxErrorObject *)exc;
    weft_assert_str(se->msg, msg);
    cr_assert_eq(PyLong_AsLong(se->lineno), lineno, "%s: line", msg);
    cr_assert_eq(PyLong_AsLong(se->offset), offset, "%s: offset", msg);
    Py_DECREF(exc);
}

/* Messages and positions from CPython 3.13's compile(). */
Test(symtable, errors)
{
    expect_error("def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5);
    expect_error("def f():\n    print(x)\n    global x\n",
                 "name 'x' is used prior to global declaration", 3, 5);
    expect_error("def f():\n    x = 1\n    global x\n",
                 "name 'x' is assigned to before global declaration", 3, 5);
    expect_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5);
    expect_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    expect_error("def f(a, b, a): pass\n",
                 "duplicate argument 'a' in function definition", 1, 13);
    expect_error("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    expect_error("class C:\n    yield 1\n", "'yield' outside function", 2, 5);
    expect_error("[(y := 1) for x in (z := [])]\n",
                 "assignment expression cannot be used in a comprehension iterable expression",
                 1, 21);
    expect_error("[x := 0 for x in y]\n",
                 "assignment expression cannot rebind comprehension iteration variable 'x'",
                 1, 2);
    expect_error("def f():\n    [(yield x) for x in y]\n",
                 "'yield' inside list comprehension", 2, 7);
    expect_error("def f():\n    from m import *\n",
                 "import * only allowed at module level", 2, 19);
    expect_error("def f():\n    global x\n    nonlocal x\n",
                 "name 'x' is nonlocal and global", 2, 5);
    expect_error("def f():\n    x: int\n    global x\n",
                 "annotated name 'x' can't be global", 3, 5);
    expect_error("class C:\n    [(y := 1) for x in z]\n",
                 "assignment expression within a comprehension cannot be used in a class body",
                 2, 7);
}
