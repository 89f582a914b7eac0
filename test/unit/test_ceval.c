/* test_ceval.c: the eval loop on hand-assembled code objects: module code
 * through PyEval_EvalCode, functions (inline Python-to-Python calls,
 * defaults, keywords, CPython's binding errors), closures, exceptions with
 * the block stack, the recursion limit, generators, and traceback
 * formatting. */
#include "weft_test.h"
#include "pycore_code.h"
#include "pycore_ceval.h"

TestSuite(ceval, .init = weft_setup);

static PyObject *
S(const char *s)
{
    return PyUnicode_FromString(s);
}

/* A tuple of str from a NULL-terminated list. */
static PyObject *
names_tuple(const char *const *names)
{
    Py_ssize_t n = 0;
    while (names && names[n]) {
        n++;
    }
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, S(names[i]));
    }
    return t;
}

typedef struct {
    const char *name;
    int flags, argcount, kwonly;
    const int *ops;            /* op, arg pairs, -1 terminated */
    PyObject *consts;          /* stolen */
    const char *const *names;
    const char *const *locals; /* localsplus names */
    const unsigned char *kinds;
} CodeSpec;

static PyObject *
assemble(CodeSpec *sp)
{
    int n = 0;
    while (sp->ops[2 * n] != -1) {
        n++;
    }
    _Py_CODEUNIT *code = PyMem_Malloc(sizeof(_Py_CODEUNIT) * (size_t)n);
    _PyCodePosition *pos = PyMem_Malloc(sizeof(_PyCodePosition) * (size_t)n);
    for (int i = 0; i < n; i++) {
        code[i] = _Py_MAKECODEUNIT(sp->ops[2 * i], sp->ops[2 * i + 1]);
        pos[i] = (_PyCodePosition){i + 1, i + 1, -1, -1};
    }
    PyObject *lp = names_tuple(sp->locals);
    Py_ssize_t nl = PyTuple_GET_SIZE(lp);
    unsigned char *kinds = PyMem_Malloc((size_t)nl + 1);
    for (Py_ssize_t i = 0; i < nl; i++) {
        kinds[i] = sp->kinds ? sp->kinds[i] : (CO_FAST_LOCAL | (i < sp->argcount + sp->kwonly ? CO_FAST_ARG : 0));
    }
    PyCodeObject *co = _PyCode_New(S("t.py"), S(sp->name), S(sp->name), sp->flags,
                                   sp->argcount, 0, sp->kwonly, 1, 16, code, pos, n,
                                   sp->consts, names_tuple(sp->names), lp, kinds);
    cr_assert_not_null(co, "%s", weft_error_utf8());
    return (PyObject *)co;
}

static PyObject *
run_module(PyObject *code, PyObject *globals)
{
    return PyEval_EvalCode(code, globals, globals);
}

#define END -1, 0

Test(ceval, module_arith_and_names)
{
    /* x = 6 * 7; return x - 2.5 */
    static const int ops[] = {RESUME, 0, LOAD_CONST, 0, LOAD_CONST, 1,
                              BINARY_OP, _Py_BINOP_MULTIPLY, STORE_NAME, 0, LOAD_NAME, 0,
                              LOAD_CONST, 2, BINARY_OP, _Py_BINOP_SUBTRACT, RETURN_VALUE, 0, END};
    static const char *const names[] = {"x", NULL};
    CodeSpec sp = {"<module>", 0, 0, 0, ops,
                   Py_BuildValue("(iid)", 6, 7, 2.5), names, NULL, NULL};
    PyObject *g = PyDict_New();
    PyObject *r = run_module(assemble(&sp), g);
    weft_assert_repr(r, "39.5");
    weft_assert_repr(PyDict_GetItemString(g, "x"), "42");
}

Test(ceval, name_error)
{
    static const int ops[] = {LOAD_NAME, 0, RETURN_VALUE, 0, END};
    static const char *const names[] = {"nope", NULL};
    CodeSpec sp = {"<module>", 0, 0, 0, ops, PyTuple_New(0), names, NULL, NULL};
    PyObject *r = run_module(assemble(&sp), PyDict_New());
    cr_assert_null(r);
    weft_assert_error("NameError: name 'nope' is not defined");
}

/* def f(a, b=10, *, k=1): return (a - b) * k */
static PyObject *
make_f_code(void)
{
    static const int ops[] = {RESUME, 0, LOAD_FAST, 0, LOAD_FAST, 1,
                              BINARY_OP, _Py_BINOP_SUBTRACT, LOAD_FAST, 2,
                              BINARY_OP, _Py_BINOP_MULTIPLY, RETURN_VALUE, 0, END};
    static const char *const locals[] = {"a", "b", "k", NULL};
    CodeSpec sp = {"f", CO_OPTIMIZED | CO_NEWLOCALS, 2, 1, ops, PyTuple_New(0), NULL, locals,
                   NULL};
    return assemble(&sp);
}

static PyObject *
make_f(void)
{
    PyObject *g = PyDict_New();
    PyObject *f = PyFunction_New(make_f_code(), g);
    cr_assert_not_null(f);
    PyFunction_SetDefaults(f, Py_BuildValue("(i)", 10));
    PyObject *kw = Py_BuildValue("{s:i}", "k", 1);
    PyFunction_SetKwDefaults(f, kw);
    return f;
}

Test(ceval, function_call_binding)
{
    PyObject *f = make_f();
    weft_assert_repr(PyObject_CallFunction(f, "i", 15), "5");
    weft_assert_repr(PyObject_CallFunction(f, "ii", 15, 3), "12");
    PyObject *kw = Py_BuildValue("{s:i,s:i}", "k", 3, "b", 1);
    weft_assert_repr(PyObject_Call(f, Py_BuildValue("(i)", 5), kw), "12");
}

Test(ceval, function_call_errors)
{
    PyObject *f = make_f();
    cr_assert_null(PyObject_CallNoArgs(f));
    weft_assert_error("TypeError: f() missing 1 required positional argument: 'a'");
    cr_assert_null(PyObject_CallFunction(f, "iii", 1, 2, 3));
    weft_assert_error("TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
    cr_assert_null(PyObject_Call(f, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "z", 1)));
    weft_assert_error("TypeError: f() got an unexpected keyword argument 'z'");
    cr_assert_null(PyObject_Call(f, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "a", 1)));
    weft_assert_error("TypeError: f() got multiple values for argument 'a'");
    PyFunction_SetKwDefaults(f, NULL);
    cr_assert_null(PyObject_CallFunction(f, "i", 1));
    weft_assert_error("TypeError: f() missing 1 required keyword-only argument: 'k'");
}

Test(ceval, inline_call_from_module)
{
    /* f = <function>; return f(20, b=5) (CALL_KW through the loop) */
    static const int ops[] = {PUSH_NULL, 0, LOAD_NAME, 0, LOAD_CONST, 0, LOAD_CONST, 1,
                              LOAD_CONST, 2, CALL_KW, 2, RETURN_VALUE, 0, END};
    static const char *const names[] = {"f", NULL};
    CodeSpec sp = {"<module>", 0, 0, 0, ops, Py_BuildValue("(iiO)", 20, 5, Py_BuildValue("(s)", "b")),
                   names, NULL, NULL};
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "f", make_f());
    weft_assert_repr(run_module(assemble(&sp), g), "15");
}

Test(ceval, try_except_block_stack)
{
    /* try: 1/0  except ZeroDivisionError: r = 'caught'; return r */
    static const int ops[] = {
        /* 0 */ SETUP_FINALLY, 7,
        /* 1 */ LOAD_CONST, 0, LOAD_CONST, 1, BINARY_OP, _Py_BINOP_TRUE_DIVIDE, POP_TOP, 0,
        /* 5 */ POP_BLOCK, 0, LOAD_CONST, 2, /* unreachable-ish */
        /* 7 */ PUSH_EXC_INFO, 0, LOAD_NAME, 0, CHECK_EXC_MATCH, 0, POP_JUMP_IF_FALSE, 17,
        /* 11 */ POP_TOP, 0, LOAD_CONST, 3, STORE_NAME, 1, POP_EXCEPT, 0,
        /* 15 */ LOAD_NAME, 1, RETURN_VALUE, 0,
        /* 17 */ RERAISE, 0, END};
    static const char *const names[] = {"ZeroDivisionError", "r", NULL};
    CodeSpec sp2 = {"<module>", 0, 0, 0, ops, Py_BuildValue("(iiss)", 1, 0, "x", "caught"),
                    names, NULL, NULL};
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "ZeroDivisionError", PyExc_ZeroDivisionError);
    weft_assert_repr(run_module(assemble(&sp2), g), "'caught'");
    /* The handled exception is restored (none outside). */
    PyObject *h = PyErr_GetHandledException();
    cr_assert(h == Py_None);
}

Test(ceval, recursion_limit)
{
    /* def r(): return r() */
    static const int ops[] = {RESUME, 0, PUSH_NULL, 0, LOAD_GLOBAL, 0, CALL, 0,
                              RETURN_VALUE, 0, END};
    static const char *const names[] = {"r", NULL};
    CodeSpec sp = {"r", CO_OPTIMIZED | CO_NEWLOCALS, 0, 0, ops, PyTuple_New(0), names, NULL,
                   NULL};
    PyObject *g = PyDict_New();
    PyObject *f = PyFunction_New(assemble(&sp), g);
    PyDict_SetItemString(g, "r", f);
    cr_assert_null(PyObject_CallNoArgs(f));
    weft_assert_error("RecursionError: maximum recursion depth exceeded");
    /* The counters are balanced again. */
    PyThreadState *ts = _PyThreadState_GET();
    cr_assert_eq(ts->py_recursion_remaining, ts->py_recursion_limit);
    cr_assert_null(ts->current_frame);
}

Test(ceval, generator_send)
{
    /* def g(): x = yield 1; yield x + 1 */
    static const int ops[] = {RESUME, 0, LOAD_CONST, 0, YIELD_VALUE, 0, STORE_FAST, 0,
                              LOAD_FAST, 0, LOAD_CONST, 0, BINARY_OP, _Py_BINOP_ADD,
                              YIELD_VALUE, 0, POP_TOP, 0, LOAD_CONST, 1, RETURN_VALUE, 0, END};
    static const char *const locals[] = {"x", NULL};
    CodeSpec sp = {"g", CO_OPTIMIZED | CO_NEWLOCALS | CO_GENERATOR, 0, 0, ops,
                   Py_BuildValue("(is)", 1, "done"), NULL, locals, NULL};
    PyObject *f = PyFunction_New(assemble(&sp), PyDict_New());
    PyObject *gen = PyObject_CallNoArgs(f);
    cr_assert_not_null(gen);
    cr_assert(PyGen_Check(gen));
    weft_assert_repr(PyIter_Next(gen), "1");
    weft_assert_repr(PyObject_CallMethod(gen, "send", "i", 41), "42");
    cr_assert_null(PyObject_CallMethod(gen, "send", "i", 0));
    weft_assert_error("StopIteration: done");
    cr_assert_null(PyIter_Next(gen));
    cr_assert_null(PyErr_Occurred());
}

Test(ceval, traceback_format)
{
    /* module: raise ValueError('bad') through a function */
    static const int rops[] = {LOAD_NAME, 0, RAISE_VARARGS, 1, END};
    static const char *const names[] = {"err", NULL};
    CodeSpec sp = {"<module>", 0, 0, 0, rops, PyTuple_New(0), names, NULL, NULL};
    PyObject *g = PyDict_New();
    PyObject *exc = PyObject_CallFunction(PyExc_ValueError, "s", "bad");
    PyDict_SetItemString(g, "err", exc);
    cr_assert_null(run_module(assemble(&sp), g));
    PyObject *raised = PyErr_GetRaisedException();
    cr_assert(raised == exc);
    PyObject *text = _PyErr_FormatException(raised);
    weft_assert_str(text, "Traceback (most recent call last):\n"
                          "  File \"t.py\", line 2, in <module>\n"
                          "ValueError: bad\n");
}
