/* test_operator.c: the _operator module through the C API: the operator
 * functions, itemgetter / attrgetter (dotted) / methodcaller with their
 * reprs and errors, and _compare_digest. */
#include "module_helpers.h"

static PyObject *mod;

static void
setup(void)
{
    weft_setup();
    mod = mh_load("_operator");
    cr_assert_not_null(mod, "%s", weft_error_utf8());
}

TestSuite(operator, .init = setup);

Test(operator, exports)
{
    static const char *const names[] = {
        "abs", "add", "and_", "attrgetter", "call", "concat", "contains", "countOf",
        "delitem", "eq", "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat",
        "ifloordiv", "ilshift", "imatmul", "imod", "imul", "index", "indexOf", "inv",
        "invert", "ior", "ipow", "irshift", "is_", "is_not", "isub", "itemgetter",
        "itruediv", "ixor", "le", "length_hint", "lshift", "lt", "matmul", "methodcaller",
        "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow", "rshift", "setitem", "sub",
        "truediv", "truth", "xor", "_compare_digest", NULL,
    };
    for (const char *const *p = names; *p; p++) {
        PyObject *f = PyObject_GetAttrString(mod, *p);
        cr_assert_not_null(f, "missing _operator.%s", *p);
        Py_DECREF(f);
    }
}

Test(operator, arithmetic_and_comparisons)
{
    weft_assert_repr(mh_call(mod, "add", "(ii)", 2, 3), "5");
    weft_assert_repr(mh_call(mod, "sub", "(ii)", 2, 3), "-1");
    weft_assert_repr(mh_call(mod, "mul", "(si)", "ab", 2), "'abab'");
    weft_assert_repr(mh_call(mod, "truediv", "(ii)", 7, 2), "3.5");
    weft_assert_repr(mh_call(mod, "floordiv", "(ii)", -7, 2), "-4");
    weft_assert_repr(mh_call(mod, "mod", "(ii)", -7, 3), "2");
    weft_assert_repr(mh_call(mod, "pow", "(ii)", 2, 10), "1024");
    weft_assert_repr(mh_call(mod, "neg", "(i)", 5), "-5");
    weft_assert_repr(mh_call(mod, "inv", "(i)", 5), "-6");
    weft_assert_repr(mh_call(mod, "abs", "(i)", -5), "5");
    weft_assert_repr(mh_call(mod, "and_", "(ii)", 12, 10), "8");
    weft_assert_repr(mh_call(mod, "or_", "(ii)", 12, 10), "14");
    weft_assert_repr(mh_call(mod, "xor", "(ii)", 12, 10), "6");
    weft_assert_repr(mh_call(mod, "lshift", "(ii)", 1, 4), "16");
    weft_assert_repr(mh_call(mod, "lt", "(ii)", 1, 2), "True");
    weft_assert_repr(mh_call(mod, "ge", "(ii)", 1, 2), "False");
    weft_assert_repr(mh_call(mod, "eq", "(ss)", "a", "a"), "True");
    weft_assert_repr(mh_call(mod, "ne", "(ss)", "a", "a"), "False");
    weft_assert_repr(mh_call(mod, "truth", "(i)", 0), "False");
    weft_assert_repr(mh_call(mod, "not_", "(s)", ""), "True");
    weft_assert_repr(mh_call(mod, "is_", "(OO)", Py_None, Py_None), "True");
    weft_assert_repr(mh_call(mod, "is_not", "(OO)", Py_None, Py_None), "False");
    weft_assert_repr(mh_call(mod, "index", "(O)", Py_True), "1");
    cr_assert_null(mh_call(mod, "add", "(i)", 1));
    weft_assert_error("TypeError: add expected 2 arguments, got 1");
    cr_assert_null(mh_call(mod, "add", "(is)", 1, "a"));
    weft_assert_error("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    /* In-place forms mutate mutable operands. */
    PyObject *l = Py_BuildValue("[i]", 1);
    PyObject *r = mh_call(mod, "iadd", "(O[i])", l, 2);
    cr_assert_eq(r, l);
    Py_DECREF(r);
    weft_assert_repr(l, "[1, 2]");
    r = mh_call(mod, "iconcat", "(O[i])", l, 3);
    Py_DECREF(r);
    weft_assert_repr(l, "[1, 2, 3]");
    Py_DECREF(l);
    weft_assert_repr(mh_call(mod, "iadd", "(ii)", 1, 2), "3");
}

Test(operator, sequences)
{
    weft_assert_repr(mh_call(mod, "concat", "(ss)", "ab", "cd"), "'abcd'");
    cr_assert_null(mh_call(mod, "concat", "(ii)", 1, 2));
    weft_assert_error("TypeError: 'int' object can't be concatenated");
    weft_assert_repr(mh_call(mod, "contains", "([ii]i)", 1, 2, 2), "True");
    weft_assert_repr(mh_call(mod, "countOf", "([iiii]i)", 1, 2, 1, 1, 1), "3");
    weft_assert_repr(mh_call(mod, "indexOf", "([iii]i)", 5, 6, 7, 7), "2");
    cr_assert_null(mh_call(mod, "indexOf", "([i]i)", 1, 2));
    weft_assert_error("ValueError: sequence.index(x): x not in sequence");
    PyObject *l = Py_BuildValue("[iii]", 1, 2, 3);
    weft_assert_repr(mh_call(mod, "getitem", "(Oi)", l, -1), "3");
    weft_assert_repr(mh_call(mod, "setitem", "(Oii)", l, 0, 9), "None");
    weft_assert_repr(mh_call(mod, "delitem", "(Oi)", l, 1), "None");
    weft_assert_repr(l, "[9, 3]");
    weft_assert_repr(mh_call(mod, "length_hint", "(O)", l), "2");
    weft_assert_repr(mh_call(mod, "length_hint", "(ii)", 5, 7), "7");
    cr_assert_null(mh_call(mod, "length_hint", "(Os)", l, "a"));
    weft_assert_error("TypeError: 'str' object cannot be interpreted as an integer");
    Py_DECREF(l);
    PyObject *call = PyObject_GetAttrString(mod, "call");
    weft_assert_repr(PyObject_CallFunction(call, "O(i)", &PyList_Type, 1), "[1]");
    Py_DECREF(call);
}

Test(operator, getters)
{
    PyObject *ig = mh_call(mod, "itemgetter", "(i)", 1);
    weft_assert_repr(ig, "operator.itemgetter(1)");
    weft_assert_repr(PyObject_CallFunction(ig, "(s)", "abc"), "'b'");
    cr_assert_null(PyObject_CallNoArgs(ig));
    weft_assert_error("TypeError: itemgetter expected 1 argument, got 0");
    Py_DECREF(ig);
    ig = mh_call(mod, "itemgetter", "(ii)", 0, 2);
    weft_assert_repr(ig, "operator.itemgetter(0, 2)");
    weft_assert_repr(PyObject_CallFunction(ig, "(s)", "abc"), "('a', 'c')");
    weft_assert_repr(PyObject_CallMethod(ig, "__reduce__", NULL),
                     "(<class 'operator.itemgetter'>, (0, 2))");
    Py_DECREF(ig);
    cr_assert_null(mh_call(mod, "itemgetter", "()"));
    weft_assert_error("TypeError: itemgetter expected 1 argument, got 0");

    PyObject *ag = mh_call(mod, "attrgetter", "(s)", "real.bit_length");
    weft_assert_repr(ag, "operator.attrgetter('real.bit_length')");
    PyObject *meth = PyObject_CallFunction(ag, "(i)", 5);
    weft_assert_repr(PyObject_CallNoArgs(meth), "3");
    Py_DECREF(meth);
    Py_DECREF(ag);
    ag = mh_call(mod, "attrgetter", "(ss)", "real", "imag");
    weft_assert_repr(ag, "operator.attrgetter('real', 'imag')");
    weft_assert_repr(PyObject_CallFunction(ag, "(i)", 5), "(5, 0)");
    Py_DECREF(ag);
    ag = mh_call(mod, "attrgetter", "(s)", "x");
    cr_assert_null(PyObject_CallFunction(ag, "(i)", 1));
    weft_assert_error("AttributeError: 'int' object has no attribute 'x'");
    Py_DECREF(ag);
    cr_assert_null(mh_call(mod, "attrgetter", "(i)", 1));
    weft_assert_error("TypeError: attribute name must be a string");
    cr_assert_null(mh_call(mod, "attrgetter", "()"));
    weft_assert_error("TypeError: attrgetter expected 1 argument, got 0");

    PyObject *args = Py_BuildValue("(ss)", "split", ",");
    PyObject *kw = Py_BuildValue("{s:i}", "maxsplit", 1);
    PyObject *mc = mh_call_kw(mod, "methodcaller", args, kw);
    weft_assert_repr(mc, "operator.methodcaller('split', ',', maxsplit=1)");
    weft_assert_repr(PyObject_CallFunction(mc, "(s)", "a,b,c"), "['a', 'b,c']");
    Py_DECREF(mc);
    Py_DECREF(args);
    Py_DECREF(kw);
    mc = mh_call(mod, "methodcaller", "(s)", "upper");
    weft_assert_repr(PyObject_CallFunction(mc, "(s)", "abc"), "'ABC'");
    weft_assert_repr(PyObject_CallMethod(mc, "__reduce__", NULL),
                     "(<class 'operator.methodcaller'>, ('upper',))");
    Py_DECREF(mc);
    cr_assert_null(mh_call(mod, "methodcaller", "()"));
    weft_assert_error("TypeError: methodcaller needs at least one argument, the method name");
    cr_assert_null(mh_call(mod, "methodcaller", "(i)", 1));
    weft_assert_error("TypeError: method name must be a string");
}

Test(operator, compare_digest)
{
    weft_assert_repr(mh_call(mod, "_compare_digest", "(ss)", "abc", "abc"), "True");
    weft_assert_repr(mh_call(mod, "_compare_digest", "(ss)", "abc", "abd"), "False");
    weft_assert_repr(mh_call(mod, "_compare_digest", "(ss)", "abc", "ab"), "False");
    weft_assert_repr(mh_call(mod, "_compare_digest", "(y#y#)", "ab", (Py_ssize_t)2, "ab",
                             (Py_ssize_t)2), "True");
    cr_assert_null(mh_call(mod, "_compare_digest", "(ss)", "\xc3\xa9", "a"));
    weft_assert_error("TypeError: comparing strings with non-ASCII characters is not supported");
    cr_assert_null(mh_call(mod, "_compare_digest", "(ii)", 1, 2));
    weft_assert_error("TypeError: unsupported operand types(s) or combination of types: "
                      "'int' and 'int'");
}
