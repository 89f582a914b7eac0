/* test_code.c: code objects built by hand with _PyCode_New (attributes,
 * variable-name views, repr, co_lines/co_positions, argument validation) and
 * the opcode name table. */
#include "weft_test.h"
#include "pycore_code.h"

TestSuite(code, .init = weft_setup);

static PyObject *
S(const char *s)
{
    return PyUnicode_FromString(s);
}

/* def f(a, b, /, c, *args, d, **kw) with a cell `a` (an argument), a cell
 * `cl` (not an argument) and a free variable `fr`; four instructions on
 * lines 3, 3, 4 and none. */
static PyCodeObject *
make_sample(void)
{
    _Py_CODEUNIT *code = PyMem_Malloc(4 * sizeof(_Py_CODEUNIT));
    _PyCodePosition *pos = PyMem_Malloc(4 * sizeof(_PyCodePosition));
    code[0] = _Py_MAKECODEUNIT(RESUME, 0);
    code[1] = _Py_MAKECODEUNIT(LOAD_CONST, 0);
    code[2] = _Py_MAKECODEUNIT(LOAD_FAST, 300000);
    code[3] = _Py_MAKECODEUNIT(RETURN_VALUE, 0);
    pos[0] = (_PyCodePosition){3, 3, 0, 5};
    pos[1] = (_PyCodePosition){3, 3, 4, 9};
    pos[2] = (_PyCodePosition){4, 5, 8, 2};
    pos[3] = (_PyCodePosition){-1, -1, -1, -1};
    const char *names[] = {"a", "b", "c", "d", "args", "kw", "x", "cl", "fr"};
    unsigned char k[] = {
        CO_FAST_LOCAL | CO_FAST_ARG | CO_FAST_CELL, CO_FAST_LOCAL | CO_FAST_ARG,
        CO_FAST_LOCAL | CO_FAST_ARG, CO_FAST_LOCAL | CO_FAST_ARG,
        CO_FAST_LOCAL | CO_FAST_ARG, CO_FAST_LOCAL | CO_FAST_ARG,
        CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE};
    unsigned char *kinds = PyMem_Malloc(sizeof k);
    memcpy(kinds, k, sizeof k);
    PyObject *lp = PyTuple_New(9);
    for (int i = 0; i < 9; i++) {
        PyTuple_SET_ITEM(lp, i, S(names[i]));
    }
    PyObject *consts = PyTuple_Pack(2, Py_None, PyLong_FromLong(7));
    PyObject *gnames = PyTuple_Pack(1, S("print"));
    PyCodeObject *co = _PyCode_New(
        S("x.py"), S("f"), S("C.f"), CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS,
        3, 2, 1, 3, 5, code, pos, 4, consts, gnames, lp, kinds);
    cr_assert_not_null(co);
    return co;
}

static int
get_int(PyObject *o, const char *attr)
{
    PyObject *v = PyObject_GetAttrString(o, attr);
    cr_assert_not_null(v, "%s", attr);
    long r = PyLong_AsLong(v);
    Py_DECREF(v);
    return (int)r;
}

Test(code, attributes)
{
    PyObject *co = (PyObject *)make_sample();
    cr_assert(PyCode_Check(co));
    cr_assert_eq(get_int(co, "co_argcount"), 3);
    cr_assert_eq(get_int(co, "co_posonlyargcount"), 2);
    cr_assert_eq(get_int(co, "co_kwonlyargcount"), 1);
    cr_assert_eq(get_int(co, "co_firstlineno"), 3);
    cr_assert_eq(get_int(co, "co_stacksize"), 5);
    cr_assert_eq(get_int(co, "co_flags"), 0xf);
    cr_assert_eq(get_int(co, "co_nlocals"), 7);
    weft_assert_repr(PyObject_GetAttrString(co, "co_name"), "'f'");
    weft_assert_repr(PyObject_GetAttrString(co, "co_qualname"), "'C.f'");
    weft_assert_repr(PyObject_GetAttrString(co, "co_filename"), "'x.py'");
    weft_assert_repr(PyObject_GetAttrString(co, "co_consts"), "(None, 7)");
    weft_assert_repr(PyObject_GetAttrString(co, "co_names"), "('print',)");
    weft_assert_repr(PyObject_GetAttrString(co, "co_varnames"),
                     "('a', 'b', 'c', 'd', 'args', 'kw', 'x')");
    /* An argument that is also a cell appears in both, as in CPython. */
    weft_assert_repr(PyObject_GetAttrString(co, "co_cellvars"), "('a', 'cl')");
    weft_assert_repr(PyObject_GetAttrString(co, "co_freevars"), "('fr',)");
    PyCodeObject *c = (PyCodeObject *)co;
    cr_assert_eq(c->co_nlocalsplus, 9);
    cr_assert_eq(c->co_ncellvars, 2);
    cr_assert_eq(c->co_nfreevars, 1);
    cr_assert_eq(_PyCode_Addr2Line(c, 2), 4);
    cr_assert_eq(_PyCode_Addr2Line(c, 99), 3);
    /* co_code: little-endian 32-bit units. */
    weft_assert_repr(PyObject_GetAttrString(co, "co_code"),
                     "b'\\x01\\x00\\x00\\x00\\x06\\x00\\x00\\x00\\x07\\xe0\\x93\\x04G\\x00\\x00\\x00'");
    cr_assert_eq(RETURN_VALUE, 0x47);
    /* Read-only. */
    cr_assert_eq(PyObject_SetAttrString(co, "co_argcount", PyLong_FromLong(1)), -1);
    cr_assert_str_eq(weft_error_utf8(), "AttributeError: readonly attribute");
    Py_DECREF(co);
}

Test(code, repr)
{
    PyObject *co = (PyObject *)make_sample();
    char expected[128];
    snprintf(expected, sizeof expected, "<code object f at %p, file \"x.py\", line 3>",
             (void *)co);
    weft_assert_str(co, expected);
    Py_DECREF(co);
}

static const char *
listed(PyObject *co, const char *meth)
{
    PyObject *it = PyObject_CallMethod(co, meth, NULL);
    cr_assert_not_null(it);
    cr_assert_not_null(Py_TYPE(it)->tp_iternext);
    PyObject *l = PySequence_List(it);
    Py_DECREF(it);
    return weft_repr_utf8(l);
}

Test(code, lines_and_positions)
{
    PyObject *co = (PyObject *)make_sample();
    cr_assert_str_eq(listed(co, "co_lines"), "[(0, 8, 3), (8, 12, 4), (12, 16, None)]");
    cr_assert_str_eq(listed(co, "co_positions"),
                     "[(3, 3, 0, 5), (3, 3, 4, 9), (4, 5, 8, 2), (None, None, None, None)]");
    Py_DECREF(co);
}

Test(code, empty_code)
{
    PyCodeObject *co = _PyCode_New(S("<m>"), S("<module>"), S("<module>"), 0, 0, 0, 0, 0,
                                   0, NULL, NULL, 0, PyTuple_New(0), PyTuple_New(0),
                                   PyTuple_New(0), NULL);
    cr_assert_not_null(co);
    cr_assert_str_eq(listed((PyObject *)co, "co_lines"), "[]");
    cr_assert_str_eq(listed((PyObject *)co, "co_positions"), "[]");
    weft_assert_repr(PyObject_GetAttrString((PyObject *)co, "co_varnames"), "()");
    char expected[128];
    snprintf(expected, sizeof expected,
             "<code object <module> at %p, file \"<m>\", line ?\?\?>", (void *)co);
    weft_assert_str((PyObject *)co, expected);
    Py_DECREF(co);
}

Test(code, bad_arguments)
{
    /* Names must be str; arguments must fit in the slots; posonly <= argcount. */
    PyObject *badnames = PyTuple_Pack(1, PyLong_FromLong(1));
    cr_assert_null(_PyCode_New(S("x"), S("f"), S("f"), 0, 0, 0, 0, 1, 0,
                               PyMem_Malloc(4), NULL, 0, PyTuple_New(0), badnames,
                               PyTuple_New(0), NULL));
    cr_assert_str_eq(weft_error_utf8(), "SystemError: code object: co_names must hold only str");
    cr_assert_null(_PyCode_New(S("x"), S("f"), S("f"), 0, 2, 0, 0, 1, 0, NULL, NULL, 0,
                               PyTuple_New(0), PyTuple_New(0), PyTuple_New(0), NULL));
    cr_assert_str_eq(weft_error_utf8(),
                     "SystemError: _PyCode_New: more arguments than local slots");
    cr_assert_null(_PyCode_New(S("x"), S("f"), S("f"), 0, 0, 1, 0, 1, 0, NULL, NULL, 0,
                               PyTuple_New(0), PyTuple_New(0), PyTuple_New(0), NULL));
    cr_assert_str_eq(weft_error_utf8(), "SystemError: _PyCode_New: bad argument");
}

Test(code, opcode_names)
{
    cr_assert_str_eq(_PyOpcode_Names[NOP], "NOP");
    cr_assert_str_eq(_PyOpcode_Names[LOAD_FROM_DICT_OR_DEREF], "LOAD_FROM_DICT_OR_DEREF");
    cr_assert_str_eq(_PyOpcode_Names[CALL_INTRINSIC_2], "CALL_INTRINSIC_2");
    cr_assert_str_eq(_PyOpcode_Names[LOAD_LOCALS], "LOAD_LOCALS");
    for (int i = 0; i < _Py_NUM_OPCODES; i++) {
        cr_assert_not_null(_PyOpcode_Names[i]);
    }
    cr_assert_eq(_Py_OPCODE(_Py_MAKECODEUNIT(JUMP, _Py_MAX_OPARG)), JUMP);
    cr_assert_eq(_Py_OPARG(_Py_MAKECODEUNIT(JUMP, _Py_MAX_OPARG)), _Py_MAX_OPARG);
}

/* ---- the disassembler ---------------------------------------------------- */

#include "pycore_compile.h"

static const char *
disassemble(PyCodeObject *co)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_eq(_PyCode_Disassemble(co, f), 0);
    fclose(f);
    const char *r = weft__dup(buf);
    free(buf);
    return r;
}

Test(code, disassemble)
{
    /* while x: x = x - 1 ... with a nested code object constant. */
    PyCodeObject *inner = _PyCode_New(PyUnicode_FromString("x.py"), PyUnicode_FromString("g"),
                                      PyUnicode_FromString("g"), 0, 0, 0, 0, 9, 1,
                                      NULL, NULL, 0, PyTuple_New(0), PyTuple_New(0),
                                      PyTuple_New(0), NULL);
    cr_assert_not_null(inner);
    enum { N = 9 };
    _Py_CODEUNIT *code = PyMem_Malloc(N * sizeof(_Py_CODEUNIT));
    _PyCodePosition *pos = PyMem_Malloc(N * sizeof(_PyCodePosition));
    _Py_CODEUNIT c[N] = {
        _Py_MAKECODEUNIT(RESUME, 0),
        _Py_MAKECODEUNIT(LOAD_FAST, 0),
        _Py_MAKECODEUNIT(POP_JUMP_IF_FALSE, 7),
        _Py_MAKECODEUNIT(LOAD_FAST, 0),
        _Py_MAKECODEUNIT(LOAD_CONST, 1),
        _Py_MAKECODEUNIT(BINARY_OP, _Py_BINOP_INPLACE(_Py_BINOP_SUBTRACT)),
        _Py_MAKECODEUNIT(JUMP_BACKWARD, 1),
        _Py_MAKECODEUNIT(LOAD_GLOBAL, 0),
        _Py_MAKECODEUNIT(RETURN_VALUE, 0),
    };
    int lines[N] = {1, 2, 2, 3, 3, 3, 3, -1, -1};
    for (int i = 0; i < N; i++) {
        code[i] = c[i];
        pos[i] = (_PyCodePosition){lines[i], lines[i], 0, 1};
    }
    unsigned char *kinds = PyMem_Malloc(1);
    kinds[0] = CO_FAST_LOCAL | CO_FAST_ARG;
    PyObject *consts = PyTuple_Pack(3, Py_None, PyLong_FromLong(1), (PyObject *)inner);
    PyCodeObject *co = _PyCode_New(
        PyUnicode_FromString("x.py"), PyUnicode_FromString("f"), PyUnicode_FromString("f"),
        CO_OPTIMIZED | CO_NEWLOCALS, 1, 0, 0, 1, 2, code, pos, N, consts,
        PyTuple_Pack(1, PyUnicode_FromString("print")),
        PyTuple_Pack(1, PyUnicode_FromString("x")), kinds);
    cr_assert_not_null(co);
    cr_assert_str_eq(disassemble(co),
        "   1       0 RESUME\n"
        "\n"
        "   2 >>    1 LOAD_FAST 0 (x)\n"
        "           2 POP_JUMP_IF_FALSE 7 (to 7)\n"
        "\n"
        "   3       3 LOAD_FAST 0 (x)\n"
        "           4 LOAD_CONST 1 (1)\n"
        "           5 BINARY_OP 23 (-=)\n"
        "           6 JUMP_BACKWARD 1 (to 1)\n"
        "\n"
        "  -- >>    7 LOAD_GLOBAL 0 (print)\n"
        "           8 RETURN_VALUE\n"
        "\n"
        "Disassembly of <code object g, line 9>:\n");
    Py_DECREF(co);
}
