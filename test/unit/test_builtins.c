/* test_builtins.c: the builtins and sys modules, the import system and the
 * std printer, through the C API (Python/bltinmodule.c, sysmodule.c,
 * import.c, Objects/fileobject.c). */
#include "weft_test.h"
#include "pycore_pylifecycle.h"
#include <unistd.h>

static void
setup(void)
{
    weft_setup();
    static char *argv[] = {"python", "-c", "pass", NULL};
    _Py_MainConfig.orig_argc = 3;
    _Py_MainConfig.orig_argv = argv;
    cr_assert_eq(_Py_InitializeMain(), 0);
}

TestSuite(builtins, .init = setup);

static PyObject *
builtin(const char *name)
{
    PyObject *b = PyImport_ImportModule("builtins");
    cr_assert_not_null(b);
    PyObject *f = PyObject_GetAttrString(b, name);
    cr_assert_not_null(f, "builtins.%s", name);
    Py_DECREF(b);
    return f;
}

/* Call builtins.name(*args) with a Py_BuildValue tuple, kwargs optional. */
static PyObject *
call(const char *name, PyObject *args, PyObject *kw)
{
    PyObject *f = builtin(name);
    PyObject *r = PyObject_Call(f, args, kw);
    Py_DECREF(f);
    Py_DECREF(args);
    Py_XDECREF(kw);
    return r;
}

static const char *
call_repr(const char *name, PyObject *args, PyObject *kw)
{
    PyObject *r = call(name, args, kw);
    if (r == NULL) {
        return weft_error_utf8();
    }
    return weft_repr_utf8(r);
}

Test(builtins, basics)
{
    cr_assert_str_eq(call_repr("len", Py_BuildValue("([iii])", 1, 2, 3), NULL), "3");
    cr_assert_str_eq(call_repr("len", Py_BuildValue("(i)", 5), NULL),
                     "TypeError: object of type 'int' has no len()");
    cr_assert_str_eq(call_repr("abs", Py_BuildValue("(i)", -7), NULL), "7");
    cr_assert_str_eq(call_repr("divmod", Py_BuildValue("(ii)", 7, -2), NULL), "(-4, -1)");
    cr_assert_str_eq(call_repr("chr", Py_BuildValue("(i)", 0x110000), NULL),
                     "ValueError: chr() arg not in range(0x110000)");
    cr_assert_str_eq(call_repr("ord", Py_BuildValue("(s)", "ab"), NULL),
                     "TypeError: ord() expected a character, but string of length 2 found");
    cr_assert_str_eq(call_repr("ord", Py_BuildValue("(s)", "\xc3\xa9"), NULL), "233");
    cr_assert_str_eq(call_repr("hex", Py_BuildValue("(i)", 255), NULL), "'0xff'");
    cr_assert_str_eq(call_repr("bin", Py_BuildValue("(i)", -5), NULL), "'-0b101'");
    cr_assert_str_eq(call_repr("round", Py_BuildValue("(d)", 2.5), NULL), "2");
    cr_assert_str_eq(call_repr("round", Py_BuildValue("(di)", 2.675, 2), NULL), "2.67");
    cr_assert_str_eq(call_repr("pow", Py_BuildValue("(iii)", 3, 4, 5), NULL), "1");
    cr_assert_str_eq(call_repr("isinstance", Py_BuildValue("(iO)", 3, &PyLong_Type), NULL),
                     "True");
    cr_assert_str_eq(call_repr("getattr", Py_BuildValue("(isi)", 3, "nope", 9), NULL), "9");
    cr_assert_str_eq(call_repr("getattr", Py_BuildValue("(ii)", 3, 4), NULL),
                     "TypeError: attribute name must be string, not 'int'");
    cr_assert_str_eq(call_repr("hasattr", Py_BuildValue("(ss)", "x", "upper"), NULL), "True");
    cr_assert_str_eq(call_repr("format", Py_BuildValue("(ds)", 3.14159, ".2f"), NULL), "'3.14'");
    cr_assert_str_eq(call_repr("repr", Py_BuildValue("(s)", "a'b"), NULL), "'\"a\\'b\"'");
    cr_assert_str_eq(call_repr("ascii", Py_BuildValue("(s)", "\xc3\xa9"), NULL), "\"'\\\\xe9'\"");
}

Test(builtins, min_max_sum_sorted)
{
    cr_assert_str_eq(call_repr("max", Py_BuildValue("(iii)", 3, 9, 4), NULL), "9");
    cr_assert_str_eq(call_repr("min", Py_BuildValue("([])"), NULL),
                     "ValueError: min() iterable argument is empty");
    cr_assert_str_eq(call_repr("min", Py_BuildValue("([])"), Py_BuildValue("{s:i}", "default", 5)),
                     "5");
    cr_assert_str_eq(call_repr("max", Py_BuildValue("()"), NULL),
                     "TypeError: max expected at least 1 argument, got 0");
    cr_assert_str_eq(call_repr("max", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "default", 5)),
                     "TypeError: Cannot specify a default for max() with multiple positional arguments");
    cr_assert_str_eq(call_repr("max", Py_BuildValue("([sss])", "aa", "b", "ccc"),
                               Py_BuildValue("{s:O}", "key", builtin("len"))), "'ccc'");
    PyObject *tenth = PyList_New(10);
    for (int i = 0; i < 10; i++) {
        PyList_SET_ITEM(tenth, i, PyFloat_FromDouble(0.1));
    }
    cr_assert_str_eq(call_repr("sum", Py_BuildValue("(N)", tenth), NULL), "1.0");
    cr_assert_str_eq(call_repr("sum", Py_BuildValue("([iii])", 1, 2, 3), NULL), "6");
    cr_assert_str_eq(call_repr("sum", Py_BuildValue("([ii]d)", 1, 2, 0.5), NULL), "3.5");
    cr_assert_str_eq(call_repr("sum", Py_BuildValue("([s]s)", "a", ""), NULL),
                     "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    cr_assert_str_eq(call_repr("sum", Py_BuildValue("([LL])", (long long)1 << 62, (long long)1 << 62), NULL),
                     "9223372036854775808");
    cr_assert_str_eq(call_repr("sorted", Py_BuildValue("([iii])", 2, 3, 1),
                               Py_BuildValue("{s:O}", "reverse", Py_True)), "[3, 2, 1]");
    cr_assert_str_eq(call_repr("all", Py_BuildValue("([ii])", 1, 0), NULL), "False");
    cr_assert_str_eq(call_repr("any", Py_BuildValue("([ii])", 0, 2), NULL), "True");
}

Test(builtins, map_filter_zip)
{
    PyObject *z = call("zip", Py_BuildValue("([ii][iii])", 1, 2, 7, 8, 9),
                       Py_BuildValue("{s:O}", "strict", Py_True));
    cr_assert_not_null(z);
    cr_assert_null(PySequence_List(z));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: zip() argument 2 is longer than argument 1");
    z = call("zip", Py_BuildValue("([ii][i][i])", 1, 2, 7, 8),
             Py_BuildValue("{s:O}", "strict", Py_True));
    cr_assert_null(PySequence_List(z));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: zip() argument 2 is shorter than argument 1");
    z = call("zip", Py_BuildValue("([ii][ii][i])", 1, 2, 3, 4, 5), Py_BuildValue("{s:O}", "strict", Py_True));
    cr_assert_null(PySequence_List(z));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: zip() argument 3 is shorter than arguments 1-2");
    z = call("zip", Py_BuildValue("([ii]s)", 1, 2, "ab"), NULL);
    cr_assert_str_eq(weft_repr_utf8(PySequence_List(z)), "[(1, 'a'), (2, 'b')]");
    PyObject *m = call("map", Py_BuildValue("(O[ii][ii])", builtin("pow"), 2, 3, 5, 2), NULL);
    cr_assert_str_eq(weft_repr_utf8(PySequence_List(m)), "[32, 9]");
    cr_assert_str_eq(call_repr("map", Py_BuildValue("(O)", builtin("abs")), NULL),
                     "TypeError: map() must have at least two arguments.");
    PyObject *f = call("filter", Py_BuildValue("(O[iiii])", Py_None, 0, 1, 0, 2), NULL);
    cr_assert_str_eq(weft_repr_utf8(PySequence_List(f)), "[1, 2]");
}

Test(builtins, print_to_file)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    PyObject *out = PyFile_NewStdPrinter(fds[1]);
    PyObject *r = call("print", Py_BuildValue("(isd)", 1, "two", 3.5),
                       Py_BuildValue("{s:O,s:s,s:s,s:O}", "file", out, "sep", "-", "end", "!\n",
                                     "flush", Py_True));
    cr_assert_eq(r, Py_None);
    char buf[64] = {0};
    ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
    cr_assert_gt(n, 0);
    cr_assert_str_eq(buf, "1-two-3.5!\n");
    cr_assert_str_eq(call_repr("print", Py_BuildValue("()"), Py_BuildValue("{s:i}", "sep", 3)),
                     "TypeError: sep must be None or a string, not int");
    cr_assert_str_eq(call_repr("print", Py_BuildValue("()"), Py_BuildValue("{s:i}", "bad", 3)),
                     "TypeError: print() got an unexpected keyword argument 'bad'");
}

Test(builtins, sys_values)
{
    PyObject *sys = PyImport_ImportModule("sys");
    cr_assert_not_null(sys);
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(sys, "version_info")),
                     "sys.version_info(major=3, minor=13, micro=0, releaselevel='final', serial=0)");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(sys, "hexversion")), "51183856");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(sys, "maxsize")), "9223372036854775807");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(sys, "argv")), "['']");
    PyObject *flags = PyObject_GetAttrString(sys, "flags");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(flags, "int_max_str_digits")), "4300");
    PyObject *impl = PyObject_GetAttrString(sys, "implementation");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(impl, "name")), "'weft'");
    PyObject *r = PyObject_CallMethod(sys, "exit", "i", 3);
    cr_assert_null(r);
    cr_assert_str_eq(weft_error_utf8(), "SystemExit: 3");
    r = PyObject_CallMethod(sys, "getrecursionlimit", NULL);
    cr_assert_str_eq(weft_repr_utf8(r), "1000");
    cr_assert_eq(PySys_GetObject("modules"), PyImport_GetModuleDict());
    PyObject *names = PyObject_GetAttrString(sys, "builtin_module_names");
    cr_assert(PyTuple_Check(names));
    PyObject *sysname = PyUnicode_FromString("sys");
    cr_assert_eq(PySequence_Contains(names, sysname), 1);
    /* The standard streams come from _io. */
    cr_assert_str_eq(Py_TYPE(PySys_GetObject("stdout"))->tp_name, "_io.TextIOWrapper");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(PySys_GetObject("stderr"), "errors")),
                     "'backslashreplace'");
    cr_assert_eq(PySys_GetObject("__stdin__"), PySys_GetObject("stdin"));
}

Test(builtins, imports)
{
    cr_assert_null(PyImport_ImportModule("no_such_module_xyz"));
    cr_assert_str_eq(weft_error_utf8(), "ModuleNotFoundError: No module named 'no_such_module_xyz'");
    PyObject *m = PyImport_ImportModule("_thread");
    cr_assert_not_null(m);
    PyObject *spec = PyObject_GetAttrString(m, "__spec__");
    cr_assert_str_eq(weft_repr_utf8(PyObject_GetAttrString(spec, "origin")), "'built-in'");
    PyObject *again = PyImport_ImportModule("_thread");
    cr_assert_eq(m, again);
    cr_assert_null(PyImport_ImportModule("_thread.sub"));
    cr_assert_str_eq(weft_error_utf8(),
                     "ModuleNotFoundError: No module named '_thread.sub'; '_thread' is not a package");
    PyObject *globals = Py_BuildValue("{s:s}", "__name__", "toplevel");
    PyObject *name = PyUnicode_FromString("x");
    cr_assert_null(PyImport_ImportModuleLevelObject(name, globals, NULL, NULL, 1));
    cr_assert_str_eq(weft_error_utf8(),
                     "ImportError: attempted relative import with no known parent package");
}
