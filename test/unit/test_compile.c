/* test_compile.c: the bytecode compiler — snippets compiled with
 * Py_CompileStringObject, checked through the disassembly (_PyCode_Disassemble)
 * and code object attributes (argcount, flags, varnames, cell/free variables,
 * exact stack size), and the compile-time SyntaxErrors with CPython 3.13's
 * messages and locations (offsets in characters, as CPython reports them for
 * a source file). */
#include "weft_test.h"
#include "pycore_compile.h"
#include <unistd.h>

TestSuite(compile, .init = weft_setup);

static PyCodeObject *
compile_src(const char *src, int mode)
{
    PyObject *fn = PyUnicode_FromString("t.py");
    PyObject *co = Py_CompileStringObject(src, fn, mode, NULL, 0);
    Py_DECREF(fn);
    if (co == NULL) {
        cr_assert_fail("compile failed: %s\n%s", weft_error_utf8(), src);
    }
    return (PyCodeObject *)co;
}

/* The listing of `co` (and nested code objects), addresses masked. */
static const char *
dis_code(PyCodeObject *co)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_eq(_PyCode_Disassemble(co, f), 0);
    fclose(f);
    return weft__keep(buf);
}

static const char *
dis(const char *src)
{
    return dis_code(compile_src(src, Py_file_input));
}

#define assert_has(listing, needle) \
    cr_assert(strstr((listing), (needle)) != NULL, "missing %s in:\n%s", (needle), (listing))
#define assert_lacks(listing, needle) \
    cr_assert(strstr((listing), (needle)) == NULL, "unexpected %s in:\n%s", (needle), (listing))

/* co_consts[i] of `co` that is a code object named `name`. */
static PyCodeObject *
inner(PyCodeObject *co, const char *name)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)
            && strcmp(PyUnicode_AsUTF8AndSize(((PyCodeObject *)c)->co_name, NULL), name) == 0) {
            return (PyCodeObject *)c;
        }
    }
    cr_assert_fail("no code object %s", name);
    return NULL;
}

static const char *
attr_repr(PyCodeObject *co, const char *attr)
{
    return weft_repr_utf8(PyObject_GetAttrString((PyObject *)co, attr));
}

Test(compile, module_expressions)
{
    const char *d = dis("x = 1\ny = x + 2 * 3\nz = -x ** 2\n");
    assert_has(d, "LOAD_CONST 0 (1)");
    assert_has(d, "STORE_NAME 0 (x)");
    assert_has(d, "BINARY_OP 5 (*)\n           7 BINARY_OP 0 (+)");
    assert_has(d, "UNARY_NEGATIVE");
    assert_has(d, "RETURN_VALUE");
}

Test(compile, constants_folded)
{
    PyCodeObject *co = compile_src("a = (1, 2.0, 'x', (None, -3))\nb = 1\nc = 1.0\nd = True\n",
                                   Py_file_input);
    weft_assert_repr(co->co_consts, "((1, 2.0, 'x', (None, -3)), 1, 1.0, True, None)");
    co = compile_src("x = 123456789012345678901234567890 + 0x_ff + 1e3 + 2j + b'\\x00'\n",
                     Py_file_input);
    weft_assert_repr(co->co_consts, "(123456789012345678901234567890, 255, 1000.0, 2j, b'\\x00', None)");
}

Test(compile, eval_mode)
{
    PyCodeObject *co = compile_src("a if b else c", Py_eval_input);
    const char *d = dis_code(co);
    assert_has(d, "POP_JUMP_IF_FALSE");
    assert_has(d, "RETURN_VALUE");
    assert_lacks(d, "None");
    cr_assert_eq(co->co_stacksize, 1);
}

Test(compile, interactive_prints)
{
    const char *d = dis_code(compile_src("1 + x\n", Py_single_input));
    assert_has(d, "CALL_INTRINSIC_1 1");
}

Test(compile, chained_compare_and_boolops)
{
    const char *d = dis("r = a < b < c\ns = a and b or c\n");
    assert_has(d, "SWAP 2");
    assert_has(d, "COPY 2");
    assert_has(d, "COMPARE_OP 0 (<)");
    assert_has(d, "JUMP_IF_FALSE_OR_POP");
    assert_has(d, "JUMP_IF_TRUE_OR_POP");
}

Test(compile, calls)
{
    const char *d = dis("f(1, 2)\no.m(1, x=2)\nf(*a, k=1, **kw)\n");
    assert_has(d, "PUSH_NULL");
    assert_has(d, "CALL 2");
    assert_has(d, "LOAD_METHOD 2 (m)");
    assert_has(d, "(('x',))");
    assert_has(d, "CALL_KW 2");
    assert_has(d, "LIST_EXTEND 1");
    assert_has(d, "LIST_TO_TUPLE");
    assert_has(d, "DICT_MERGE 1");
    assert_has(d, "CALL_FUNCTION_EX 1");
}

Test(compile, function_code_object)
{
    PyCodeObject *mod = compile_src(
        "def f(a, b=2, /, c=3, *args, d, e=5, **kw):\n"
        "    '''doc'''\n"
        "    z = a\n"
        "    def g():\n"
        "        return z + b\n"
        "    return g\n", Py_file_input);
    assert_has(dis_code(mod), "MAKE_FUNCTION 3");
    PyCodeObject *f = inner(mod, "f");
    cr_assert_eq(f->co_argcount, 3);
    cr_assert_eq(f->co_posonlyargcount, 2);
    cr_assert_eq(f->co_kwonlyargcount, 2);
    cr_assert_eq(f->co_flags & 0xff, CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS);
    cr_assert(f->co_flags & CO_HAS_DOCSTRING);
    weft_assert_repr(PyTuple_GET_ITEM(f->co_consts, 0), "'doc'");
    cr_assert_str_eq(attr_repr(f, "co_varnames"), "('a', 'b', 'c', 'd', 'e', 'args', 'kw', 'g')");
    cr_assert_str_eq(attr_repr(f, "co_cellvars"), "('b', 'z')");
    PyCodeObject *g = inner(f, "g");
    cr_assert_str_eq(attr_repr(g, "co_freevars"), "('b', 'z')");
    cr_assert_str_eq(attr_repr(g, "co_qualname"), "'f.<locals>.g'");
    cr_assert(g->co_flags & CO_NESTED);
    assert_has(dis_code(g), "LOAD_DEREF");
    assert_has(dis_code(f), "LOAD_CLOSURE");
    assert_has(dis_code(f), "MAKE_FUNCTION 8");
}

Test(compile, class_body)
{
    PyCodeObject *mod = compile_src(
        "@dec\n"
        "class C(B, metaclass=M):\n"
        "    'doc'\n"
        "    x: int = 1\n"
        "    def m(self):\n"
        "        return super().m() + __class__.x\n", Py_file_input);
    const char *d = dis_code(mod);
    assert_has(d, "LOAD_BUILD_CLASS");
    assert_has(d, "CALL_KW 4");
    PyCodeObject *c = inner(mod, "C");
    const char *cd = dis_code(c);
    assert_has(cd, "STORE_NAME 1 (__module__)");
    assert_has(cd, "__qualname__");
    assert_has(cd, "STORE_NAME 4 (__doc__)");
    assert_has(cd, "SETUP_ANNOTATIONS");
    assert_has(cd, "__classcell__");
    cr_assert_str_eq(attr_repr(c, "co_cellvars"), "('__class__',)");
    PyCodeObject *m = inner(c, "m");
    cr_assert_str_eq(attr_repr(m, "co_freevars"), "('__class__',)");
    cr_assert_str_eq(attr_repr(m, "co_qualname"), "'C.m'");
}

Test(compile, class_static_attributes_and_debug)
{
    PyCodeObject *mod = compile_src(
        "class C:\n"
        "    def f(self): self.b = 1; self.a = 2; other.q = 3\n"
        "    def g(this): this.z = 1\n"
        "if __debug__: pass\n", Py_file_input);
    const char *cd = dis_code(inner(mod, "C"));
    assert_has(cd, "(('a', 'b'))");
    assert_has(cd, "__static_attributes__");
    assert_lacks(dis_code(mod), "__debug__");
}

Test(compile, class_free_names)
{
    PyCodeObject *mod = compile_src(
        "def f():\n"
        "    x = 1\n"
        "    class C:\n"
        "        y = x\n"
        "        def g(self): return x\n"
        "    return C\n", Py_file_input);
    PyCodeObject *c = inner(inner(mod, "f"), "C");
    const char *cd = dis_code(c);
    assert_has(cd, "LOAD_LOCALS");
    assert_has(cd, "LOAD_FROM_DICT_OR_DEREF");
    cr_assert_str_eq(attr_repr(c, "co_freevars"), "('x',)");
}

Test(compile, loops_and_try)
{
    const char *d = dis(
        "for i in r:\n"
        "    try:\n"
        "        if i: break\n"
        "        continue\n"
        "    except E as e:\n"
        "        pass\n"
        "    finally:\n"
        "        g()\n"
        "else:\n"
        "    h()\n"
        "while x:\n"
        "    pass\n");
    assert_has(d, "GET_ITER");
    assert_has(d, "FOR_ITER");
    assert_has(d, "SETUP_FINALLY");
    assert_has(d, "PUSH_EXC_INFO");
    assert_has(d, "CHECK_EXC_MATCH");
    assert_has(d, "POP_EXCEPT");
    assert_has(d, "DELETE_NAME");
    assert_has(d, "RERAISE");
    assert_has(d, "JUMP_BACKWARD");
}

Test(compile, with_and_return)
{
    PyCodeObject *mod = compile_src(
        "def f(a):\n"
        "    with a as x, b:\n"
        "        return x\n", Py_file_input);
    const char *d = dis_code(inner(mod, "f"));
    assert_has(d, "BEFORE_WITH");
    assert_has(d, "WITH_EXCEPT_START");
    assert_has(d, "CALL 2");
}

Test(compile, generators_and_coroutines)
{
    PyCodeObject *mod = compile_src(
        "def g(x):\n"
        "    y = yield x\n"
        "    yield from y\n"
        "async def c(a):\n"
        "    async with a:\n"
        "        await a\n"
        "    async for i in a:\n"
        "        pass\n"
        "async def ag():\n"
        "    yield 1\n", Py_file_input);
    PyCodeObject *g = inner(mod, "g");
    cr_assert(g->co_flags & CO_GENERATOR);
    const char *gd = dis_code(g);
    assert_has(gd, "YIELD_VALUE");
    assert_has(gd, "GET_YIELD_FROM_ITER");
    assert_has(gd, "SEND");
    assert_has(gd, "CALL_INTRINSIC_1 3");
    PyCodeObject *c = inner(mod, "c");
    cr_assert(c->co_flags & CO_COROUTINE);
    const char *cd = dis_code(c);
    assert_has(cd, "BEFORE_ASYNC_WITH");
    assert_has(cd, "GET_AWAITABLE");
    assert_has(cd, "GET_ANEXT");
    assert_has(cd, "END_ASYNC_FOR");
    cr_assert(inner(mod, "ag")->co_flags & CO_ASYNC_GENERATOR);
    assert_has(dis_code(inner(mod, "ag")), "CALL_INTRINSIC_1 4");
}

Test(compile, comprehensions)
{
    PyCodeObject *mod = compile_src(
        "l = [i * j for i in a if i for j in b]\n"
        "s = {i for i in a}\n"
        "d = {k: v for k, v in a}\n"
        "g = (i for i in a)\n", Py_file_input);
    const char *d = dis_code(mod);
    assert_has(d, "GET_ITER\n");
    PyCodeObject *l = inner(mod, "<listcomp>");
    cr_assert_eq(l->co_argcount, 1);
    cr_assert_str_eq(attr_repr(l, "co_varnames"), "('.0', 'i', 'j')");
    assert_has(dis_code(l), "LIST_APPEND 3");
    assert_has(dis_code(inner(mod, "<setcomp>")), "SET_ADD 2");
    assert_has(dis_code(inner(mod, "<dictcomp>")), "MAP_ADD 2");
    cr_assert(inner(mod, "<genexpr>")->co_flags & CO_GENERATOR);
}

Test(compile, comprehensions_inlined_in_functions)
{
    PyCodeObject *mod = compile_src(
        "def f(x):\n"
        "    a = [x * 2 for x in range(3)]\n"
        "    b = (x for x in a)\n"
        "    c = [lambda: x for x in a]\n"
        "    return x\n", Py_file_input);
    PyCodeObject *f = inner(mod, "f");
    const char *d = dis_code(f);
    /* the list comprehension runs in f's frame, with its own slot for x */
    assert_has(d, "BUILD_LIST 0\n");
    assert_has(d, "LIST_APPEND 2");
    cr_assert_str_eq(attr_repr(f, "co_varnames"), "('x', 'x', 'a', 'b', 'c')");
    /* generator expressions and comprehensions with captured variables
     * keep their own code object */
    inner(f, "<genexpr>");
    inner(f, "<listcomp>");
    cr_assert_str_eq(attr_repr(inner(f, "<genexpr>"), "co_qualname"), "'f.<locals>.<genexpr>'");
}

Test(compile, misc_statements)
{
    const char *d = dis(
        "import a.b.c\n"
        "import a.b as ab\n"
        "from .m import x as y\n"
        "from n import *\n"
        "assert x, 'm'\n"
        "del a, b.c, d[e]\n"
        "x += 1\n"
        "o.a *= 2\n"
        "(w := 5)\n"
        "s = f'{x!r:>{w}} {y}'\n"
        "a, *b, c = t\n"
        "raise E from F\n");
    assert_has(d, "IMPORT_NAME 0 (a.b.c)");
    assert_has(d, "STORE_NAME 1 (a)");
    assert_has(d, "IMPORT_FROM");
    assert_has(d, "CALL_INTRINSIC_1 2");
    assert_has(d, "LOAD_ASSERTION_ERROR");
    assert_has(d, "DELETE_ATTR");
    assert_has(d, "DELETE_SUBSCR");
    assert_has(d, "BINARY_OP 13 (+=)");
    assert_has(d, "BINARY_OP 18 (*=)");
    assert_has(d, "FORMAT_VALUE 6");
    assert_has(d, "BUILD_STRING");
    assert_has(d, "UNPACK_EX 257");
    assert_has(d, "RAISE_VARARGS 2");
}

Test(compile, optimize_drops_asserts_and_docstrings)
{
    PyObject *fn = PyUnicode_FromString("t.py");
    PyCodeObject *co = (PyCodeObject *)Py_CompileStringObject(
        "'doc'\nassert x\ndef f():\n    'd'\n", fn, Py_file_input, NULL, 2);
    cr_assert_not_null(co);
    const char *d = dis_code(co);
    assert_lacks(d, "LOAD_ASSERTION_ERROR");
    assert_lacks(d, "__doc__");
    cr_assert_eq(inner(co, "f")->co_flags & CO_HAS_DOCSTRING, 0);
}

Test(compile, stack_depth_exact)
{
    cr_assert_eq(compile_src("x = 1\n", Py_file_input)->co_stacksize, 1);
    cr_assert_eq(compile_src("f(a, b, c)\n", Py_file_input)->co_stacksize, 5);
    cr_assert_eq(compile_src("x = [1, 2, (3, a)]\n", Py_file_input)->co_stacksize, 4);
    /* try/except: [prev, exc, type] at the match */
    cr_assert_eq(compile_src("try:\n    pass\nexcept E:\n    pass\n", Py_file_input)->co_stacksize, 3);
}

Test(compile, positions)
{
    PyCodeObject *co = compile_src("x = 1\ny = (a +\n     bb)\n", Py_file_input);
    int found = 0;
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        if (_Py_OPCODE(co->co_code[i]) == BINARY_OP) {
            _PyCodePosition p = co->co_positions[i];
            cr_assert_eq(p.lineno, 2);
            cr_assert_eq(p.end_lineno, 3);
            cr_assert_eq(p.col, 5);
            cr_assert_eq(p.end_col, 7);
            found = 1;
        }
    }
    cr_assert(found);
}

Test(compile, huge_inputs)
{
    /* 100k-element literal: built incrementally, small stack. */
    size_t n = 100000;
    char *src = malloc(n * 8 + 16);
    char *p = src;
    p += sprintf(p, "x = [");
    for (size_t i = 0; i < n; i++) {
        p += sprintf(p, "a%s", i + 1 < n ? "," : "");
    }
    sprintf(p, "]\n");
    PyCodeObject *co = compile_src(src, Py_file_input);
    cr_assert_lt(co->co_stacksize, 10);
    free(src);
    /* Deeply nested expression: an error, not a crash. */
    src = malloc(200000);
    p = src;
    p += sprintf(p, "x = ");
    for (int i = 0; i < 50000; i++) {
        *p++ = '(';
    }
    *p++ = '1';
    for (int i = 0; i < 50000; i++) {
        *p++ = ')';
    }
    strcpy(p, "\n");
    PyObject *fn = PyUnicode_FromString("t.py");
    PyObject *r = Py_CompileStringObject(src, fn, Py_file_input, NULL, 0);
    cr_assert_null(r);
    cr_assert(PyErr_Occurred());
    PyErr_Clear();
    free(src);
}

/* Compile `src`: expect `type` with msg at (lineno, offset)-(end_lineno, end_offset).
 * The source is also written to the file it is compiled as, because compiler
 * errors take their text (and so character offsets) from that file. */
static void
expect_error(const char *src, const char *type, const char *msg, int lineno, int offset,
             int end_lineno, int end_offset)
{
    char path[64];
    snprintf(path, sizeof(path), "/tmp/weft_compile_%d.py", (int)getpid());
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(src, f);
    fclose(f);
    PyObject *fn = PyUnicode_FromString(path);
    PyObject *co = Py_CompileStringObject(src, fn, Py_file_input, NULL, 0);
    Py_DECREF(fn);
    unlink(path);
    cr_assert_null(co, "no error for: %s", src);
    PyObject *exc = PyErr_GetRaisedException();
    cr_assert_str_eq(Py_TYPE(exc)->tp_name, type, "%s", src);
    PyObject *m = PyObject_GetAttrString(exc, "msg");
    cr_assert_str_eq(weft_str_utf8(m), msg);
#define INTATTR(name) PyLong_AsLong(PyObject_GetAttrString(exc, name))
    cr_assert_eq(INTATTR("lineno"), lineno, "%s: lineno", msg);
    cr_assert_eq(INTATTR("offset"), offset, "%s: offset", msg);
    cr_assert_eq(INTATTR("end_lineno"), end_lineno, "%s: end_lineno", msg);
    cr_assert_eq(INTATTR("end_offset"), end_offset, "%s: end_offset", msg);
#undef INTATTR
    weft_assert_str(PyObject_GetAttrString(exc, "filename"), path);
    PyObject *text = PyObject_GetAttrString(exc, "text");
    cr_assert(PyUnicode_Check(text), "%s: text", msg);
}

/* Without a file of that name there is no text and offsets stay in bytes. */
Test(compile, errors_without_file)
{
    PyObject *fn = PyUnicode_FromString("<no such file>");
    PyObject *co = Py_CompileStringObject("x = '\xc3\xa9'; break\n", fn, Py_file_input, NULL, 0);
    Py_DECREF(fn);
    cr_assert_null(co);
    PyObject *exc = PyErr_GetRaisedException();
    weft_assert_repr(PyObject_GetAttrString(exc, "text"), "None");
    weft_assert_repr(PyObject_GetAttrString(exc, "offset"), "11");
    weft_assert_repr(PyObject_GetAttrString(exc, "end_offset"), "16");
}

Test(compile, errors)
{
    const char *SE = "SyntaxError";
    expect_error("break\n", SE, "'break' outside loop", 1, 1, 1, 6);
    expect_error("continue\n", SE, "'continue' not properly in loop", 1, 1, 1, 9);
    expect_error("for x in y:\n    pass\nelse:\n    break\n", SE, "'break' outside loop",
                 4, 5, 4, 10);
    expect_error("def f():\n    x = 1\n    return x\nreturn 2\n", SE,
                 "'return' outside function", 4, 1, 4, 9);
    expect_error("x = 1\nyield x\n", SE, "'yield' outside function", 2, 1, 2, 8);
    expect_error("await x\n", SE, "'await' outside function", 1, 1, 1, 8);
    expect_error("def f():\n    await x\n", SE, "'await' outside async function", 2, 5, 2, 12);
    expect_error("async def f():\n    yield from x\n", SE,
                 "'yield from' inside async function", 2, 5, 2, 17);
    expect_error("async def f():\n    yield 1\n    return 2\n", SE,
                 "'return' with value in async generator", 3, 5, 3, 13);
    expect_error("def f(a, a): pass\n", SE, "duplicate argument 'a' in function definition",
                 1, 10, 1, 11);
    expect_error("def f(a):\n    global a\n", SE, "name 'a' is parameter and global", 2, 5, 2, 13);
    expect_error("def f():\n    nonlocal q\n", SE, "no binding for nonlocal 'q' found",
                 2, 5, 2, 15);
    expect_error("nonlocal y\n", SE, "nonlocal declaration not allowed at module level",
                 1, 1, 1, 11);
    expect_error("a, *b, *c = d\n", SE, "multiple starred expressions in assignment",
                 1, 1, 1, 10);
    expect_error("*a = b\n", SE, "starred assignment target must be in a list or tuple",
                 1, 1, 1, 3);
    expect_error("a = *b\n", SE, "can't use starred expression here", 1, 5, 1, 7);
    expect_error("f(a=1, a=2)\n", SE, "keyword argument repeated: a", 1, 8, 1, 11);
    expect_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", SE,
                 "default 'except:' must be last", 3, 1, 4, 9);
    expect_error("x = 1\nfrom __future__ import annotations\n", SE,
                 "from __future__ imports must occur at the beginning of the file",
                 2, 1, 2, 35);
    expect_error("def g():\n    async for x in y: pass\n", SE,
                 "'async for' outside async function", 2, 5, 2, 27);
    expect_error("def g():\n    async with x: pass\n", SE,
                 "'async with' outside async function", 2, 5, 2, 23);
    expect_error("def g():\n    [x async for x in y]\n", SE,
                 "asynchronous comprehension outside of an asynchronous function",
                 2, 5, 2, 25);
    /* Offsets are in characters when the source is known. */
    expect_error("x = '\xc3\xa9'; break\n", SE, "'break' outside loop", 1, 10, 1, 15);
    expect_error("__debug__ = 1\n", SE, "cannot assign to __debug__", 1, 1, 1, 10);
}

Test(compile, parser_errors_carry_location)
{
    PyObject *fn = PyUnicode_FromString("t.py");
    PyObject *co = Py_CompileStringObject("x = (1,\n", fn, Py_file_input, NULL, 0);
    cr_assert_null(co);
    cr_assert(PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    co = Py_CompileStringObject("if x:\npass\n", fn, Py_file_input, NULL, 0);
    cr_assert_null(co);
    cr_assert(PyErr_ExceptionMatches(PyExc_IndentationError));
    PyObject *exc = PyErr_GetRaisedException();
    weft_assert_repr(PyObject_GetAttrString(exc, "lineno"), "2");
    weft_assert_repr(PyObject_GetAttrString(exc, "filename"), "'t.py'");
    co = Py_CompileString("1 +", "u.py", Py_eval_input);
    cr_assert_null(co);
    weft_assert_str(PyObject_GetAttrString(PyErr_GetRaisedException(), "filename"), "u.py");
}

static int
count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

/* Prefix instructions: a fast local consumed at once by an attribute or
 * subscript instruction on the same line; not for globals, cells, other
 * index expressions, groups split over lines, or augmented values with a
 * walrus. */
Test(compile, load_fast_prefixes)
{
    PyCodeObject *mod = compile_src(
        "def f(x, l, i, g):\n"
        "    a = x.attr\n"
        "    b = l[i] + l[0]\n"
        "    x.attr = a\n"
        "    l[i] = b\n"
        "    x.n += 1\n"
        "    l[0] += 2\n"
        "    c = l[i + 1]\n"
        "    d = G.attr\n"
        "    e = l[\n"
        "          0]\n"
        "    l[1] += (w := 3)\n"
        "    i += 1\n"
        "    if i < 10 and x == l:\n"
        "        i = i * 2 - x\n"
        "    return lambda: g.attr\n", Py_file_input);
    PyCodeObject *f = inner(mod, "f");
    const char *d = dis_code(f);
    assert_has(d, "LOAD_FAST__LOAD_ATTR 0 (x)");
    assert_has(d, "LOAD_FAST__BINARY_SUBSCR 1 (l)");
    assert_has(d, "LOAD_FAST__STORE_ATTR 0 (x)");
    assert_has(d, "LOAD_FAST__STORE_SUBSCR 1 (l)");
    assert_has(d, "LOAD_FAST__BINARY_OP 2 (i)");
    assert_has(d, "LOAD_FAST__COMPARE_OP 2 (i)");
    assert_has(d, "LOAD_FAST__COMPARE_OP 0 (x)");
    /* (i * 2) - x: the outer operation's left operand is not a name. */
    cr_assert_eq(count_of(d, "LOAD_FAST__BINARY_OP"), 3, "%s", d);
    /* The followers stay in the code. */
    assert_has(d, "LOAD_ATTR");
    assert_has(d, "STORE_SUBSCR");
    /* l[i + 1]: the index is not a name or constant; the split attribute
     * and the walrus-valued augmented assignment keep the plain forms. */
    assert_has(d, "43 LOAD_FAST 1 (l)\n");
    assert_has(d, "COPY 2");
    assert_has(d, "SWAP 3");
    /* x.n += 1 and l[0] += 2 reload the object instead of COPY / SWAP:
     * prefixes on both halves. */
    cr_assert_eq(count_of(d, "LOAD_FAST__STORE_ATTR"), 2, "%s", d);
    cr_assert_eq(count_of(d, "LOAD_FAST__STORE_SUBSCR"), 2, "%s", d);
    cr_assert_eq(count_of(d, "SWAP"), 2, "%s", d);
    /* g is a cell (the lambda uses it): no prefix inside the lambda. */
    const char *lam = dis_code(inner(f, "<lambda>"));
    assert_has(lam, "LOAD_DEREF");
    assert_lacks(lam, "LOAD_FAST__");
}

/* LOAD_FAST__OP_ITEM: a fast local taken with a y[i] group by the
 * subscript or binary operation right after it (x[y[i]], x + y[i],
 * s += y[i]); not when the group is not a prefix group or the operation
 * spans lines. */
Test(compile, load_fast_op_item)
{
    PyCodeObject *mod = compile_src(
        "def f(d, keys, i, s):\n"
        "    a = d[keys[i]]\n"
        "    b = s + keys[0]\n"
        "    s += keys[i]\n"
        "    c = d[keys[i + 1]]\n"
        "    e = s * keys[\n"
        "          i]\n"
        "    g = G[keys[i]]\n"
        "    return a, b, c, e, g\n", Py_file_input);
    const char *d = dis_code(inner(mod, "f"));
    assert_has(d, "LOAD_FAST__OP_ITEM 0 (d)");
    assert_has(d, "LOAD_FAST__OP_ITEM 3 (s)");
    cr_assert_eq(count_of(d, "LOAD_FAST__OP_ITEM"), 3, "%s", d);
    /* The inner group keeps its own prefix, and the consumers stay. */
    cr_assert_eq(count_of(d, "LOAD_FAST__BINARY_SUBSCR 1 (keys)"), 4, "%s", d);
    assert_has(d, "BINARY_OP 13 (+=)");
}
