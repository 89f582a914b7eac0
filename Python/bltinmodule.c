/* bltinmodule.c: the builtins module — the built-in functions, the map,
 * filter and zip types, and every built-in type, constant and exception
 * bound under its Python name.  Functions that run code (compile, exec, eval,
 * __build_class__, globals, locals) call the compiler and the eval loop by
 * their CPython names. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_pylifecycle.h"
#include "pycore_code.h"
#include "pycore_compile.h"
#include "pycore_ceval.h"
#include <math.h>

/* The compiler and the eval loop (pycore_compile.h, ceval.h, pycore_ceval.h)
 * and the import system (import.h). */
#define PyCF_SOURCE_IS_UTF8 0x0100

/* kwnames helpers for METH_FASTCALL | METH_KEYWORDS functions. */
static int
kw_is(PyObject *kwnames, Py_ssize_t i, const char *name)
{
    return PyUnicode_EqualToUTF8(PyTuple_GET_ITEM(kwnames, i), name);
}

static PyObject *
bad_keyword(const char *fname, PyObject *kwnames, Py_ssize_t i)
{
    PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname,
                 PyTuple_GET_ITEM(kwnames, i));
    return NULL;
}

/* ---- simple functions --------------------------------------------------- */

static PyObject *
builtin_abs(PyObject *self, PyObject *x)
{
    return PyNumber_Absolute(x);
}

static PyObject *
builtin_all(PyObject *self, PyObject *v)
{
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int r = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (r <= 0) {
            Py_DECREF(it);
            return r < 0 ? NULL : Py_NewRef(Py_False);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
builtin_any(PyObject *self, PyObject *v)
{
    PyObject *it = PyObject_GetIter(v);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int r = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (r != 0) {
            Py_DECREF(it);
            return r < 0 ? NULL : Py_NewRef(Py_True);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *
builtin_ascii(PyObject *self, PyObject *v)
{
    return PyObject_ASCII(v);
}

static PyObject *
builtin_bin(PyObject *self, PyObject *v)
{
    return PyNumber_ToBase(v, 2);
}

static PyObject *
builtin_oct(PyObject *self, PyObject *v)
{
    return PyNumber_ToBase(v, 8);
}

static PyObject *
builtin_hex(PyObject *self, PyObject *v)
{
    return PyNumber_ToBase(v, 16);
}

static PyObject *
builtin_callable(PyObject *self, PyObject *v)
{
    return PyBool_FromLong(PyCallable_Check(v));
}

static PyObject *
builtin_chr(PyObject *self, PyObject *arg)
{
    int overflow;
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    PyObject *idx = PyNumber_Index(arg);
    if (idx == NULL) {
        return NULL;
    }
    long v = PyLong_AsLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, overflow > 0 ? "Python int too large to convert to C int"
                        : "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)v);
}

static PyObject *
builtin_ord(PyObject *self, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
        }
    }
    else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1) {
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
        }
    }
    else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found",
                 size);
    return NULL;
}

static PyObject *
builtin_delattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2)) {
        return NULL;
    }
    if (PyObject_DelAttr(args[0], args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
builtin_setattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3)) {
        return NULL;
    }
    if (PyObject_SetAttr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
builtin_getattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3)) {
        return NULL;
    }
    PyObject *name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (nargs == 3) {
        PyObject *result;
        if (PyObject_GetOptionalAttr(args[0], name, &result) == 0) {
            return Py_NewRef(args[2]);
        }
        return result;
    }
    return PyObject_GetAttr(args[0], name);
}

static PyObject *
builtin_hasattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    PyObject *v;
    int r = PyObject_GetOptionalAttr(args[0], name, &v);
    if (r < 0) {
        return NULL;
    }
    Py_XDECREF(v);
    return PyBool_FromLong(r);
}

static PyObject *
builtin_dir(PyObject *self, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "dir", 0, 1, &arg)) {
        return NULL;
    }
    if (arg == NULL) {
        PyObject *locals = PyEval_GetLocals();
        if (locals == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "dir(): no locals");
            }
            return NULL;
        }
        PyObject *keys = PyMapping_Keys(locals);
        if (keys == NULL) {
            return NULL;
        }
        PyObject *list = PySequence_List(keys);
        Py_DECREF(keys);
        if (list != NULL && PyList_Sort(list) < 0) {
            Py_CLEAR(list);
        }
        return list;
    }
    return PyObject_Dir(arg);
}

static PyObject *
builtin_divmod(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2)) {
        return NULL;
    }
    return PyNumber_Divmod(args[0], args[1]);
}

static PyObject *
builtin_format(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("format", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *spec = NULL;
    if (nargs == 2) {
        spec = args[1];
        if (!PyUnicode_Check(spec)) {
            PyErr_Format(PyExc_TypeError,
                         "format() argument 2 must be str, not %.200s", Py_TYPE(spec)->tp_name);
            return NULL;
        }
    }
    return PyObject_Format(args[0], spec);
}

static PyObject *
builtin_hash(PyObject *self, PyObject *v)
{
    Py_hash_t h = PyObject_Hash(v);
    if (h == -1) {
        return NULL;
    }
    return PyLong_FromSsize_t(h);
}

static PyObject *
builtin_id(PyObject *self, PyObject *v)
{
    return PyLong_FromVoidPtr(v);
}

static PyObject *
builtin_len(PyObject *self, PyObject *v)
{
    Py_ssize_t n = PyObject_Size(v);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
builtin_repr(PyObject *self, PyObject *v)
{
    return PyObject_Repr(v);
}

static PyObject *
builtin_isinstance(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2)) {
        return NULL;
    }
    int r = PyObject_IsInstance(args[0], args[1]);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
builtin_issubclass(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2)) {
        return NULL;
    }
    int r = PyObject_IsSubclass(args[0], args[1]);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
builtin_iter(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2)) {
        return NULL;
    }
    if (nargs == 1) {
        return PyObject_GetIter(args[0]);
    }
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *
builtin_aiter(PyObject *self, PyObject *v)
{
    return PyObject_GetAIter(v);
}

static PyObject *
builtin_next(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("next", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator",
                     Py_TYPE(it)->tp_name);
        return NULL;
    }
    PyObject *res = (*Py_TYPE(it)->tp_iternext)(it);
    if (res != NULL) {
        return res;
    }
    if (nargs == 2) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

static PyObject *
builtin_anext(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *aiter = args[0];
    PyTypeObject *t = Py_TYPE(aiter);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator",
                     t->tp_name);
        return NULL;
    }
    if (nargs == 1) {
        return (*t->tp_as_async->am_anext)(aiter);
    }
    return _PyAnextAwaitable_New(aiter, args[1]);
}

static PyObject *
builtin_pow(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"base", "exp", "mod", NULL};
    PyObject *base, *exp, *mod = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:pow", kwlist, &base, &exp, &mod)) {
        return NULL;
    }
    return PyNumber_Power(base, exp, mod);
}

static PyObject *
builtin_round(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"number", "ndigits", NULL};
    PyObject *number, *ndigits = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:round", kwlist, &number, &ndigits)) {
        return NULL;
    }
    PyObject *name = PyUnicode_InternFromString("__round__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *round = _PyObject_LookupSpecial(number, name);
    Py_DECREF(name);
    if (round == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(number)->tp_name);
        }
        return NULL;
    }
    PyObject *res = ndigits == Py_None ? PyObject_CallNoArgs(round)
                                       : PyObject_CallOneArg(round, ndigits);
    Py_DECREF(round);
    return res;
}

static PyObject *
builtin_vars(PyObject *self, PyObject *args)
{
    PyObject *v = NULL;
    if (!PyArg_UnpackTuple(args, "vars", 0, 1, &v)) {
        return NULL;
    }
    if (v == NULL) {
        PyObject *l = PyEval_GetLocals();
        if (l == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "vars(): no locals!?");
            }
            return NULL;
        }
        return Py_NewRef(l);
    }
    PyObject *d;
    if (PyObject_GetOptionalAttrString(v, "__dict__", &d) == 0) {
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static PyObject *
builtin_globals(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *g = PyEval_GetGlobals();
    if (g == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_NewRef(g);
}

static PyObject *
builtin_locals(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *l = PyEval_GetLocals();
    if (l == NULL) {
        return NULL;
    }
    return Py_NewRef(l);
}

/* ---- sum: exact for ints, Neumaier-compensated for floats (as 3.12+) --- */

static PyObject *
builtin_sum(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "start", NULL};
    PyObject *iterable, *start = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:sum", kwlist, &iterable, &start)) {
        return NULL;
    }
    if (start != NULL) {
        if (PyUnicode_Check(start)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (PyBytes_Check(start)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (PyByteArray_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *result = start ? Py_NewRef(start) : PyLong_FromLong(0);
    PyObject *item = NULL;
    if (result == NULL) {
        goto error;
    }
    /* Fast path for exact ints while they fit in a C long. */
    if (PyLong_CheckExact(result)) {
        int overflow;
        long total = PyLong_AsLongAndOverflow(result, &overflow);
        if (!overflow) {
            Py_CLEAR(result);
            while (1) {
                item = PyIter_Next(it);
                if (item == NULL) {
                    Py_DECREF(it);
                    if (PyErr_Occurred()) {
                        return NULL;
                    }
                    return PyLong_FromLong(total);
                }
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long b = PyLong_AsLongAndOverflow(item, &overflow);
                    long x;
                    if (!overflow && !__builtin_add_overflow(total, b, &x)) {
                        total = x;
                        Py_DECREF(item);
                        continue;
                    }
                }
                result = PyLong_FromLong(total);
                if (result == NULL) {
                    goto error;
                }
                if (PyFloat_CheckExact(item)) {
                    break;      /* continue in the float loop */
                }
                PyObject *t = PyNumber_Add(result, item);
                Py_DECREF(result);
                Py_CLEAR(item);
                result = t;
                if (result == NULL) {
                    goto error;
                }
                break;
            }
        }
    }
    /* Float path: the running sum and a compensation term. */
    if (PyFloat_CheckExact(result) || (item != NULL && PyFloat_CheckExact(item))) {
        double f, c = 0.0;
        if (PyFloat_CheckExact(result)) {
            f = PyFloat_AS_DOUBLE(result);
        }
        else {
            f = PyLong_AsDouble(result);
            if (f == -1.0 && PyErr_Occurred()) {
                goto error;
            }
        }
        Py_CLEAR(result);
        while (1) {
            if (item == NULL) {
                item = PyIter_Next(it);
                if (item == NULL) {
                    Py_DECREF(it);
                    if (PyErr_Occurred()) {
                        return NULL;
                    }
                    if (c != 0.0 && isfinite(c)) {
                        f += c;
                    }
                    return PyFloat_FromDouble(f);
                }
            }
            double x;
            int ok = 0;
            if (PyFloat_CheckExact(item)) {
                x = PyFloat_AS_DOUBLE(item);
                ok = 1;
            }
            else if (PyLong_Check(item)) {
                int overflow;
                long v = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    x = (double)v;
                    ok = 1;
                }
            }
            if (ok) {
                double t = f + x;
                if (fabs(f) >= fabs(x)) {
                    c += (f - t) + x;
                }
                else {
                    c += (x - t) + f;
                }
                f = t;
                Py_CLEAR(item);
                continue;
            }
            if (c != 0.0 && isfinite(c)) {
                f += c;
            }
            result = PyFloat_FromDouble(f);
            if (result == NULL) {
                goto error;
            }
            PyObject *t = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_CLEAR(item);
            result = t;
            if (result == NULL) {
                goto error;
            }
            break;
        }
    }
    /* Generic path. */
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *t = PyNumber_Add(result, item);
        Py_DECREF(item);
        Py_DECREF(result);
        result = t;
        if (result == NULL) {
            item = NULL;
            goto error;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
error:
    Py_XDECREF(item);
    Py_XDECREF(result);
    Py_DECREF(it);
    return NULL;
}

/* ---- min / max ---------------------------------------------------------- */

static PyObject *
min_max(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op)
{
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *key = NULL, *dflt = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (kw_is(kwnames, i, "key")) {
            key = args[nargs + i];
        }
        else if (kw_is(kwnames, i, "default")) {
            dflt = args[nargs + i];
        }
        else {
            return bad_keyword(name, kwnames, i);
        }
    }
    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (key == Py_None) {
        key = NULL;
    }
    PyObject *it = NULL;
    if (nargs == 1) {
        it = PyObject_GetIter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    else if (dflt != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments",
                     name);
        return NULL;
    }
    PyObject *best = NULL, *bestkey = NULL;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item;
        if (it != NULL) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    goto error;
                }
                break;
            }
        }
        else {
            if (i >= nargs) {
                break;
            }
            item = Py_NewRef(args[i]);
        }
        PyObject *k = key ? PyObject_CallOneArg(key, item) : Py_NewRef(item);
        if (k == NULL) {
            Py_DECREF(item);
            goto error;
        }
        if (best == NULL) {
            best = item;
            bestkey = k;
            continue;
        }
        int cmp = PyObject_RichCompareBool(k, bestkey, op);
        if (cmp < 0) {
            Py_DECREF(item);
            Py_DECREF(k);
            goto error;
        }
        if (cmp > 0) {
            Py_SETREF(best, item);
            Py_SETREF(bestkey, k);
        }
        else {
            Py_DECREF(item);
            Py_DECREF(k);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(bestkey);
    if (best == NULL) {
        if (dflt != NULL) {
            return Py_NewRef(dflt);
        }
        PyErr_Format(PyExc_ValueError, "%s() iterable argument is empty", name);
    }
    return best;
error:
    Py_XDECREF(it);
    Py_XDECREF(best);
    Py_XDECREF(bestkey);
    return NULL;
}

static PyObject *
builtin_min(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_LT);
}

static PyObject *
builtin_max(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_GT);
}

static PyObject *
builtin_sorted(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 1) {
        if (nargs == 0) {
            PyErr_SetString(PyExc_TypeError, "sorted expected 1 argument, got 0");
        }
        else {
            PyErr_Format(PyExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
        }
        return NULL;
    }
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL) {
        return NULL;
    }
    PyObject *sort = PyObject_GetAttrString(list, "sort");
    if (sort == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *r = PyObject_Vectorcall(sort, args + 1, 0, kwnames);
    Py_DECREF(sort);
    if (r == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(r);
    return list;
}

/* ---- print / input ------------------------------------------------------ */

static PyObject *
builtin_print(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *v = args[nargs + i];
        if (kw_is(kwnames, i, "sep")) {
            sep = v;
        }
        else if (kw_is(kwnames, i, "end")) {
            end = v;
        }
        else if (kw_is(kwnames, i, "file")) {
            file = v;
        }
        else if (kw_is(kwnames, i, "flush")) {
            flush = v;
        }
        else {
            PyErr_Format(PyExc_TypeError, "print() got an unexpected keyword argument '%U'",
                         PyTuple_GET_ITEM(kwnames, i));
            return NULL;
        }
    }
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == Py_None) {
            Py_RETURN_NONE;     /* sys.stdout may be None when FILE* stdout isn't connected */
        }
    }
    if (sep == Py_None) {
        sep = NULL;
    }
    else if (sep != NULL && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep must be None or a string, not %.200s",
                     Py_TYPE(sep)->tp_name);
        return NULL;
    }
    if (end == Py_None) {
        end = NULL;
    }
    else if (end != NULL && !PyUnicode_Check(end)) {
        PyErr_Format(PyExc_TypeError, "end must be None or a string, not %.200s",
                     Py_TYPE(end)->tp_name);
        return NULL;
    }
    Py_INCREF(file);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = sep == NULL ? PyFile_WriteString(" ", file)
                                : PyFile_WriteObject(sep, file, Py_PRINT_RAW);
            if (r < 0) {
                goto error;
            }
        }
        if (PyFile_WriteObject(args[i], file, Py_PRINT_RAW) < 0) {
            goto error;
        }
    }
    if ((end == NULL ? PyFile_WriteString("\n", file)
                     : PyFile_WriteObject(end, file, Py_PRINT_RAW)) < 0) {
        goto error;
    }
    if (flush != NULL) {
        int f = PyObject_IsTrue(flush);
        if (f < 0) {
            goto error;
        }
        if (f) {
            PyObject *r = PyObject_CallMethod(file, "flush", NULL);
            if (r == NULL) {
                goto error;
            }
            Py_DECREF(r);
        }
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
error:
    Py_DECREF(file);
    return NULL;
}

static int
flush_stream(const char *name)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL || f == Py_None) {
        return 0;
    }
    PyObject *r = PyObject_CallMethod(f, "flush", NULL);
    if (r == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(r);
    return 0;
}

static PyObject *
builtin_input(PyObject *self, PyObject *args)
{
    PyObject *prompt = NULL;
    if (!PyArg_UnpackTuple(args, "input", 0, 1, &prompt)) {
        return NULL;
    }
    PyObject *fin = PySys_GetObject("stdin");
    PyObject *fout = PySys_GetObject("stdout");
    if (fin == NULL || fin == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (fout == NULL || fout == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    flush_stream("stderr");
    if (prompt != NULL && PyFile_WriteObject(prompt, fout, Py_PRINT_RAW) < 0) {
        return NULL;
    }
    flush_stream("stdout");
    return PyFile_GetLine(fin, -1);
}

/* ---- open ---------------------------------------------------------------- */

static PyObject *
builtin_open(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *io = PyImport_ImportModule("_io");
    if (io == NULL) {
        return NULL;
    }
    PyObject *open = PyObject_GetAttrString(io, "open");
    Py_DECREF(io);
    if (open == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(open, args, kwds);
    Py_DECREF(open);
    return r;
}

/* ---- __import__ ------------------------------------------------------------ */

static PyObject *
builtin___import__(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    PyObject *name, *globals = NULL, *locals = NULL, *fromlist = NULL;
    int level = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|OOOi:__import__", kwlist, &name,
                                     &globals, &locals, &fromlist, &level)) {
        return NULL;
    }
    return PyImport_ImportModuleLevelObject(name, globals, locals, fromlist, level);
}

/* ---- compile / exec / eval ----------------------------------------------- */

/* The text of a source argument: str (UTF-8), bytes or bytearray.
 * *keep holds the object owning the buffer. */
static const char *
source_as_string(PyObject *src, const char *funcname, const char *what, PyObject **keep)
{
    const char *str;
    Py_ssize_t size;
    *keep = NULL;
    if (PyUnicode_Check(src)) {
        str = PyUnicode_AsUTF8AndSize(src, &size);
        if (str == NULL) {
            return NULL;
        }
    }
    else if (PyBytes_Check(src)) {
        str = PyBytes_AS_STRING(src);
        size = PyBytes_GET_SIZE(src);
    }
    else if (PyByteArray_Check(src)) {
        *keep = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(src), PyByteArray_GET_SIZE(src));
        if (*keep == NULL) {
            return NULL;
        }
        str = PyBytes_AS_STRING(*keep);
        size = PyBytes_GET_SIZE(*keep);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return NULL;
    }
    if (strlen(str) != (size_t)size) {
        Py_CLEAR(*keep);
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return str;
}

/* The __future__ features (PyCF_MASK bits) of the calling Python code, which
 * compile() (unless dont_inherit), exec() and eval() pass on. */
static int
caller_future_flags(void)
{
    PyFrameObject *f = PyEval_GetFrame();
    if (f == NULL) {
        return 0;
    }
    PyCodeObject *co = PyFrame_GetCode(f);
    int flags = co->co_flags & PyCF_MASK;
    Py_DECREF(co);
    return flags;
}

static PyObject *
compile_string(const char *str, PyObject *filename, int start, int optimize, int flags)
{
    PyCompilerFlags cf = {flags, 0};
    return Py_CompileStringObject(str, filename, start, &cf, optimize);
}

/* compile()'s filename: str, bytes (decoded) or an os.PathLike. */
static int
filename_converter(PyObject *arg, void *addr)
{
    PyObject *v = NULL;
    if (PyUnicode_Check(arg)) {
        v = Py_NewRef(arg);
    }
    else if (PyBytes_Check(arg)) {
        v = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(arg), PyBytes_GET_SIZE(arg));
    }
    else {
        PyObject *fspath;
        if (PyObject_GetOptionalAttrString(arg, "__fspath__", &fspath) < 0) {
            return 0;
        }
        if (fspath == NULL) {
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(arg)->tp_name);
            return 0;
        }
        PyObject *p = PyObject_CallNoArgs(fspath);
        Py_DECREF(fspath);
        if (p == NULL) {
            return 0;
        }
        int r = filename_converter(p, addr);
        Py_DECREF(p);
        return r;
    }
    if (v == NULL) {
        return 0;
    }
    *(PyObject **)addr = v;
    return 1;
}

static PyObject *
builtin_compile(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                             "optimize", "_feature_version", NULL};
    PyObject *source, *filename;
    const char *mode;
    int flags = 0, dont_inherit = 0, optimize = -1, feature_version = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO&s|iii$i:compile", kwlist, &source,
                                     filename_converter, &filename, &mode, &flags,
                                     &dont_inherit, &optimize, &feature_version)) {
        return NULL;
    }
    PyObject *result = NULL, *keep = NULL;
    int start;
    if (strcmp(mode, "exec") == 0) {
        start = Py_file_input;
    }
    else if (strcmp(mode, "eval") == 0) {
        start = Py_eval_input;
    }
    else if (strcmp(mode, "single") == 0) {
        start = Py_single_input;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    if (!dont_inherit) {
        flags |= caller_future_flags();
    }
    PyCompilerFlags cf = {flags, feature_version};
    /* An AST object: returned as is for PyCF_ONLY_AST, else compiled
     * (Python/Python-ast.c converts it back to the C tree). */
    int is_ast = _PyAST_IsNode(source);
    if (is_ast < 0) {
        goto done;
    }
    if (is_ast) {
        result = (flags & PyCF_ONLY_AST) ? Py_NewRef(source)
                                         : _PyCompile_ASTToCode(source, filename, start, &cf, optimize);
        goto done;
    }
    if (PyObject_TypeCheck(source, &PyCode_Type)) {
        result = Py_NewRef(source);
        goto done;
    }
    const char *str = source_as_string(source, "compile", "string, bytes or AST", &keep);
    if (str == NULL) {
        goto done;
    }
    if (flags & PyCF_ONLY_AST) {
        result = _PyCompile_SourceToAST(str, filename, start, flags);
    }
    else {
        result = compile_string(str, filename, start, optimize, flags);
    }
done:
    Py_XDECREF(keep);
    Py_DECREF(filename);
    return result;
}

/* globals/locals of exec() and eval(): the caller's when not given; a
 * __builtins__ entry is added to globals that lack one. */
static int
resolve_namespaces(const char *fname, PyObject **globals, PyObject **locals)
{
    if (*globals == Py_None) {
        *globals = NULL;
    }
    if (*locals == Py_None) {
        *locals = NULL;
    }
    if (*globals != NULL && !PyDict_Check(*globals)) {
        PyErr_Format(PyExc_TypeError,
                     strcmp(fname, "eval") == 0
                        ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "exec() globals must be a dict, not %.100s",
                     Py_TYPE(*globals)->tp_name);
        return -1;
    }
    if (*locals != NULL && !PyMapping_Check(*locals)) {
        PyErr_Format(PyExc_TypeError,
                     strcmp(fname, "eval") == 0 ? "locals must be a mapping"
                                                : "locals must be a mapping or None, not %.100s",
                     Py_TYPE(*locals)->tp_name);
        return -1;
    }
    if (*globals == NULL) {
        *globals = PyEval_GetGlobals();
        if (*locals == NULL) {
            *locals = PyEval_GetLocals();
            if (*locals == NULL) {
                return -1;
            }
        }
        if (*globals == NULL) {
            PyErr_Format(PyExc_SystemError, "%s(): no globals", fname);
            return -1;
        }
    }
    else if (*locals == NULL) {
        *locals = *globals;
    }
    int r = PyDict_ContainsString(*globals, "__builtins__");
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        PyObject *b = _PyInterpreterState_GET()->builtins;
        if (PyDict_SetItemString(*globals, "__builtins__", b) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
eval_code(PyObject *code, PyObject *globals, PyObject *locals)
{
    return PyEval_EvalCode(code, globals, locals);
}

static PyObject *
builtin_eval(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "globals", "locals", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:eval", kwlist, &source, &globals,
                                     &locals)) {
        return NULL;
    }
    if (resolve_namespaces("eval", &globals, &locals) < 0) {
        return NULL;
    }
    if (PyObject_TypeCheck(source, &PyCode_Type)) {
        return eval_code(source, globals, locals);
    }
    PyObject *keep;
    const char *str = source_as_string(source, "eval", "string, bytes or code", &keep);
    if (str == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "eval() arg 1 must be a string, bytes or code object");
        }
        return NULL;
    }
    while (*str == ' ' || *str == '\t') {
        str++;
    }
    PyObject *filename = PyUnicode_FromString("<string>");
    PyObject *code = filename ? compile_string(str, filename, Py_eval_input, -1, caller_future_flags()) : NULL;
    Py_XDECREF(filename);
    Py_XDECREF(keep);
    if (code == NULL) {
        return NULL;
    }
    PyObject *r = eval_code(code, globals, locals);
    Py_DECREF(code);
    return r;
}

static PyObject *
builtin_exec(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "globals", "locals", "closure", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None, *closure = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO$O:exec", kwlist, &source, &globals,
                                     &locals, &closure)) {
        return NULL;
    }
    if (resolve_namespaces("exec", &globals, &locals) < 0) {
        return NULL;
    }
    PyObject *r;
    if (PyObject_TypeCheck(source, &PyCode_Type)) {
        if (closure != NULL && closure != Py_None) {
            /* A function over the code with that closure, run with the
             * given namespaces. */
            PyObject *func = PyFunction_New(source, globals);
            if (func == NULL) {
                return NULL;
            }
            if (PyFunction_SetClosure(func, closure) < 0) {
                Py_DECREF(func);
                return NULL;
            }
            r = _PyEval_Vector(_PyThreadState_GET(), (PyFunctionObject *)func,
                               locals, NULL, 0, NULL);
            Py_DECREF(func);
        }
        else {
            r = eval_code(source, globals, locals);
        }
    }
    else {
        if (closure != NULL && closure != Py_None) {
            PyErr_SetString(PyExc_TypeError, "closure can only be used when source is a code object");
            return NULL;
        }
        PyObject *keep;
        const char *str = source_as_string(source, "exec", "string, bytes or code", &keep);
        if (str == NULL) {
            return NULL;
        }
        PyObject *filename = PyUnicode_FromString("<string>");
        PyObject *code = filename ? compile_string(str, filename, Py_file_input, -1, caller_future_flags()) : NULL;
        Py_XDECREF(filename);
        Py_XDECREF(keep);
        if (code == NULL) {
            return NULL;
        }
        r = eval_code(code, globals, locals);
        Py_DECREF(code);
    }
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* ---- __build_class__ ----------------------------------------------------- */

/* Replace bases that are not classes by what their __mro_entries__ gives.
 * Returns `bases` itself (new ref) when nothing changed. */
static PyObject *
update_bases(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyObject *newbases = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base)) {
            if (newbases != NULL && PyList_Append(newbases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(base, "__mro_entries__", &meth) < 0) {
            goto error;
        }
        if (meth == NULL) {
            if (newbases != NULL && PyList_Append(newbases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *entries = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (entries == NULL) {
            goto error;
        }
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (newbases == NULL) {
            newbases = PyList_New(0);
            if (newbases == NULL) {
                Py_DECREF(entries);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++) {
                if (PyList_Append(newbases, PyTuple_GET_ITEM(bases, j)) < 0) {
                    Py_DECREF(entries);
                    goto error;
                }
            }
        }
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(entries); j++) {
            if (PyList_Append(newbases, PyTuple_GET_ITEM(entries, j)) < 0) {
                Py_DECREF(entries);
                goto error;
            }
        }
        Py_DECREF(entries);
    }
    if (newbases == NULL) {
        return Py_NewRef(bases);
    }
    PyObject *t = PyList_AsTuple(newbases);
    Py_DECREF(newbases);
    return t;
error:
    Py_XDECREF(newbases);
    return NULL;
}


static PyObject *
builtin___build_class__(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    PyObject *func = args[0];
    PyObject *name = args[1];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    PyObject *orig_bases = _PyTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL) {
        return NULL;
    }
    PyObject *bases = NULL, *meta = NULL, *mkw = NULL, *ns = NULL, *cls = NULL;
    PyObject *cell = NULL;
    bases = update_bases(orig_bases);
    if (bases == NULL) {
        goto done;
    }
    /* Keywords (metaclass=..., others go to the metaclass). */
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw > 0) {
        mkw = PyDict_New();
        if (mkw == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < nkw; i++) {
            if (kw_is(kwnames, i, "metaclass")) {
                Py_XSETREF(meta, Py_NewRef(args[nargs + i]));
            }
            else if (PyDict_SetItem(mkw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                goto done;
            }
        }
    }
    int is_class = 0;
    if (meta == NULL) {
        meta = PyTuple_GET_SIZE(bases) == 0
            ? Py_NewRef((PyObject *)&PyType_Type)
            : Py_NewRef((PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0)));
        is_class = 1;
    }
    else {
        is_class = PyType_Check(meta);
    }
    if (is_class) {
        PyObject *winner = (PyObject *)_PyType_CalculateMetaclass((PyTypeObject *)meta, bases);
        if (winner == NULL) {
            goto done;
        }
        Py_SETREF(meta, Py_NewRef(winner));
    }
    /* The namespace: meta.__prepare__(name, bases, **kwds) or a dict. */
    PyObject *prep;
    if (PyObject_GetOptionalAttrString(meta, "__prepare__", &prep) < 0) {
        goto done;
    }
    if (prep == NULL) {
        ns = PyDict_New();
    }
    else {
        PyObject *pargs = PyTuple_Pack(2, name, bases);
        if (pargs == NULL) {
            Py_DECREF(prep);
            goto done;
        }
        ns = PyObject_Call(prep, pargs, mkw);
        Py_DECREF(pargs);
        Py_DECREF(prep);
    }
    if (ns == NULL) {
        goto done;
    }
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     is_class ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto done;
    }
    /* Run the class body with the namespace as its locals. */
    cell = _PyEval_Vector(_PyThreadState_GET(), (PyFunctionObject *)func, ns, NULL, 0, NULL);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases) {
        if (PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0) {
            goto done;
        }
    }
    PyObject *margs[3] = {name, bases, ns};
    cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
    if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
        PyObject *cell_cls = PyCell_Get(cell);
        if (cell_cls != cls) {
            if (cell_cls == NULL) {
                PyErr_Format(PyExc_RuntimeError,
                             "__class__ not set defining %.200R as %.200R. "
                             "Was __classcell__ propagated to type.__new__?", name, cls);
            }
            else {
                PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                             cell_cls, name, cls);
            }
            Py_XDECREF(cell_cls);
            Py_CLEAR(cls);
            goto done;
        }
        Py_XDECREF(cell_cls);
    }
done:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    Py_XDECREF(bases);
    Py_DECREF(orig_bases);
    return cls;
}

/* exit() / quit(), as the site module would add them. */
static PyObject *
builtin_exit(PyObject *self, PyObject *args)
{
    PyObject *code = Py_None;
    if (!PyArg_UnpackTuple(args, "exit", 0, 1, &code)) {
        return NULL;
    }
    PyObject *f = PySys_GetObject("stdin");
    if (f != NULL && f != Py_None) {
        PyObject *r = PyObject_CallMethod(f, "close", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
    PyErr_SetObject(PyExc_SystemExit, code);
    return NULL;
}

/* ---- map ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *iters;
    PyObject *func;
} mapobject;

static PyObject *
map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyMap_Type) && !_PyArg_NoKeywords("map", kwds)) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = _PyTuple_GetIters(args, 1);
    if (iters == NULL) {
        return NULL;
    }
    mapobject *lz = (mapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    return (PyObject *)lz;
}

static void
map_dealloc(PyObject *op)
{
    mapobject *lz = (mapobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->iters);
    Py_XDECREF(lz->func);
    Py_TYPE(op)->tp_free(op);
}

static int
map_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((mapobject *)op)->iters);
    Py_VISIT(((mapobject *)op)->func);
    return 0;
}

static PyObject *
map_next(PyObject *op)
{
    mapobject *lz = (mapobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(lz->iters);
    PyObject *small[8];
    PyObject **stack = n <= 8 ? small : PyMem_Malloc((size_t)n * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t got = 0;
    PyObject *result = NULL;
    for (; got < n; got++) {
        PyObject *it = PyTuple_GET_ITEM(lz->iters, got);
        PyObject *v = (*Py_TYPE(it)->tp_iternext)(it);
        if (v == NULL) {
            goto done;
        }
        stack[got] = v;
    }
    result = PyObject_Vectorcall(lz->func, stack, (size_t)n, NULL);
done:
    for (Py_ssize_t i = 0; i < got; i++) {
        Py_DECREF(stack[i]);
    }
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

static PyObject *
map_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    mapobject *lz = (mapobject *)op;
    Py_ssize_t n = PyTuple_GET_SIZE(lz->iters);
    PyObject *args = PyTuple_New(n + 1);
    if (args == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, Py_NewRef(lz->func));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(lz->iters, i)));
    }
    return Py_BuildValue("(ON)", Py_TYPE(op), args);
}

static PyMethodDef map_methods[] = {
    {"__reduce__", map_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_dealloc = map_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "map(function, iterable, /, *iterables)\n--\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_traverse = map_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = map_next,
    .tp_methods = map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- filter ----------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
} filterobject;

static PyObject *
filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PyFilter_Type && !_PyArg_NoKeywords("filter", kwds)) {
        return NULL;
    }
    PyObject *func, *seq;
    if (!PyArg_UnpackTuple(args, "filter", 2, 2, &func, &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    filterobject *lz = (filterobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static void
filter_dealloc(PyObject *op)
{
    filterobject *lz = (filterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(op)->tp_free(op);
}

static int
filter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((filterobject *)op)->func);
    Py_VISIT(((filterobject *)op)->it);
    return 0;
}

static PyObject *
filter_next(PyObject *op)
{
    filterobject *lz = (filterobject *)op;
    PyObject *it = lz->it;
    iternextfunc next = *Py_TYPE(it)->tp_iternext;
    int plain = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = next(it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (plain) {
            ok = PyObject_IsTrue(item);
        }
        else {
            PyObject *good = PyObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            ok = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (ok > 0) {
            return item;
        }
        Py_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}

static PyObject *
filter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    filterobject *lz = (filterobject *)op;
    return Py_BuildValue("(O(OO))", Py_TYPE(op), lz->func, lz->it);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function, iterable, /)\n--\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_traverse = filter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- zip ---------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple;
    PyObject *result;     /* reused when nobody else holds it */
    int strict;
} zipobject;

static PyObject *
zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *key;
        Py_ssize_t pos = 0;
        PyObject *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (!PyUnicode_EqualToUTF8(key, "strict")) {
                PyErr_Format(PyExc_TypeError, "zip() got an unexpected keyword argument '%U'", key);
                return NULL;
            }
            strict = PyObject_IsTrue(value);
            if (strict < 0) {
                return NULL;
            }
        }
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *ittuple = _PyTuple_GetIters(args, 0);
    if (ittuple == NULL) {
        return NULL;
    }
    zipobject *lz = (zipobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = n;
    lz->result = NULL;
    lz->strict = strict;
    return (PyObject *)lz;
}

static void
zip_dealloc(PyObject *op)
{
    zipobject *lz = (zipobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(lz->ittuple);
    Py_XDECREF(lz->result);
    Py_TYPE(op)->tp_free(op);
}

static int
zip_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((zipobject *)op)->ittuple);
    Py_VISIT(((zipobject *)op)->result);
    return 0;
}

/* strict=True: iterator `i` ran out; find whether the others did too. */
static PyObject *
zip_check_strict(zipobject *lz, Py_ssize_t i)
{
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
            return NULL;
        }
        PyErr_Clear();
    }
    if (i > 0) {
        const char *plural = i == 1 ? " " : "s 1-";
        return PyErr_Format(PyExc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, plural, i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item != NULL) {
            Py_DECREF(item);
            const char *plural = i == 1 ? " " : "s 1-";
            return PyErr_Format(PyExc_ValueError,
                                "zip() argument %zd is longer than argument%s%zd",
                                i + 1, plural, i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return NULL;
}

static PyObject *
zip_next(PyObject *op)
{
    zipobject *lz = (zipobject *)op;
    Py_ssize_t n = lz->tuplesize;
    if (n == 0) {
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item == NULL) {
            Py_DECREF(result);
            if (lz->strict) {
                return zip_check_strict(lz, i);
            }
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *
zip_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    zipobject *lz = (zipobject *)op;
    if (lz->strict) {
        return PyTuple_Pack(3, Py_TYPE(op), lz->ittuple, Py_True);
    }
    return PyTuple_Pack(2, Py_TYPE(op), lz->ittuple);
}

static PyMethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_dealloc = zip_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False)\n--\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().",
    .tp_traverse = zip_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- the module ------------------------------------------------------------ */

#define FAST(name, fn) {name, (PyCFunction)(void (*)(void))(fn), METH_FASTCALL, NULL}
#define FASTKW(name, fn) \
    {name, (PyCFunction)(void (*)(void))(fn), METH_FASTCALL | METH_KEYWORDS, NULL}
#define VARKW(name, fn) \
    {name, (PyCFunction)(void (*)(void))(fn), METH_VARARGS | METH_KEYWORDS, NULL}

static PyMethodDef builtin_methods[] = {
    FASTKW("__build_class__", builtin___build_class__),
    VARKW("__import__", builtin___import__),
    {"abs", builtin_abs, METH_O, NULL},
    {"all", builtin_all, METH_O, NULL},
    {"any", builtin_any, METH_O, NULL},
    {"ascii", builtin_ascii, METH_O, NULL},
    {"bin", builtin_bin, METH_O, NULL},
    {"callable", builtin_callable, METH_O, NULL},
    {"chr", builtin_chr, METH_O, NULL},
    VARKW("compile", builtin_compile),
    FAST("delattr", builtin_delattr),
    {"dir", builtin_dir, METH_VARARGS, NULL},
    FAST("divmod", builtin_divmod),
    VARKW("eval", builtin_eval),
    VARKW("exec", builtin_exec),
    FAST("format", builtin_format),
    FAST("getattr", builtin_getattr),
    {"globals", builtin_globals, METH_NOARGS, NULL},
    FAST("hasattr", builtin_hasattr),
    {"hash", builtin_hash, METH_O, NULL},
    {"hex", builtin_hex, METH_O, NULL},
    {"id", builtin_id, METH_O, NULL},
    {"input", builtin_input, METH_VARARGS, NULL},
    FAST("isinstance", builtin_isinstance),
    FAST("issubclass", builtin_issubclass),
    FAST("iter", builtin_iter),
    {"aiter", builtin_aiter, METH_O, NULL},
    {"len", builtin_len, METH_O, NULL},
    {"locals", builtin_locals, METH_NOARGS, NULL},
    FASTKW("max", builtin_max),
    FASTKW("min", builtin_min),
    FAST("next", builtin_next),
    FAST("anext", builtin_anext),
    {"oct", builtin_oct, METH_O, NULL},
    VARKW("open", builtin_open),
    {"ord", builtin_ord, METH_O, NULL},
    VARKW("pow", builtin_pow),
    FASTKW("print", builtin_print),
    {"repr", builtin_repr, METH_O, NULL},
    VARKW("round", builtin_round),
    FAST("setattr", builtin_setattr),
    FASTKW("sorted", builtin_sorted),
    VARKW("sum", builtin_sum),
    {"vars", builtin_vars, METH_VARARGS, NULL},
    {"exit", builtin_exit, METH_VARARGS, NULL},
    {"quit", builtin_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef builtinsmodule = {
    PyModuleDef_HEAD_INIT, "builtins",
    "Built-in functions, types, exceptions, and other objects.", -1, builtin_methods,
};

PyObject *
_PyBuiltin_Init(void)
{
    static PyTypeObject *own_types[] = {&PyMap_Type, &PyFilter_Type, &PyZip_Type};
    for (size_t i = 0; i < sizeof(own_types) / sizeof(own_types[0]); i++) {
        if (PyType_Ready(own_types[i]) < 0) {
            return NULL;
        }
    }
    PyObject *mod = PyModule_Create(&builtinsmodule);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *dict = PyModule_GetDict(mod);
    struct { const char *name; PyObject *obj; } objs[] = {
        {"None", Py_None}, {"Ellipsis", Py_Ellipsis}, {"NotImplemented", Py_NotImplemented},
        {"False", Py_False}, {"True", Py_True},
        {"bool", (PyObject *)&PyBool_Type},
        {"bytearray", (PyObject *)&PyByteArray_Type},
        {"bytes", (PyObject *)&PyBytes_Type},
        {"classmethod", (PyObject *)&PyClassMethod_Type},
        {"complex", (PyObject *)&PyComplex_Type},
        {"dict", (PyObject *)&PyDict_Type},
        {"memoryview", (PyObject *)&PyMemoryView_Type},
        {"enumerate", (PyObject *)&PyEnum_Type},
        {"filter", (PyObject *)&PyFilter_Type},
        {"float", (PyObject *)&PyFloat_Type},
        {"frozenset", (PyObject *)&PyFrozenSet_Type},
        {"property", (PyObject *)&PyProperty_Type},
        {"int", (PyObject *)&PyLong_Type},
        {"list", (PyObject *)&PyList_Type},
        {"map", (PyObject *)&PyMap_Type},
        {"object", (PyObject *)&PyBaseObject_Type},
        {"range", (PyObject *)&PyRange_Type},
        {"reversed", (PyObject *)&PyReversed_Type},
        {"set", (PyObject *)&PySet_Type},
        {"slice", (PyObject *)&PySlice_Type},
        {"staticmethod", (PyObject *)&PyStaticMethod_Type},
        {"str", (PyObject *)&PyUnicode_Type},
        {"super", (PyObject *)&PySuper_Type},
        {"tuple", (PyObject *)&PyTuple_Type},
        {"type", (PyObject *)&PyType_Type},
        {"zip", (PyObject *)&PyZip_Type},
        {"__debug__", Py_True},
#define EXC(n) {#n, PyExc_##n}
        EXC(BaseException), EXC(BaseExceptionGroup), EXC(Exception), EXC(ExceptionGroup),
        EXC(GeneratorExit), EXC(KeyboardInterrupt), EXC(SystemExit),
        EXC(ArithmeticError), EXC(AssertionError), EXC(AttributeError), EXC(BufferError),
        EXC(EOFError), EXC(ImportError), EXC(ModuleNotFoundError), EXC(LookupError),
        EXC(IndexError), EXC(KeyError), EXC(MemoryError), EXC(NameError),
        EXC(UnboundLocalError), EXC(OSError), EXC(BlockingIOError), EXC(ChildProcessError),
        EXC(ConnectionError), EXC(BrokenPipeError), EXC(ConnectionAbortedError),
        EXC(ConnectionRefusedError), EXC(ConnectionResetError), EXC(FileExistsError),
        EXC(FileNotFoundError), EXC(InterruptedError), EXC(IsADirectoryError),
        EXC(NotADirectoryError), EXC(PermissionError), EXC(ProcessLookupError),
        EXC(TimeoutError), EXC(ReferenceError), EXC(RuntimeError), EXC(NotImplementedError),
        EXC(RecursionError), EXC(PythonFinalizationError), EXC(StopAsyncIteration),
        EXC(StopIteration), EXC(SyntaxError), EXC(IndentationError), EXC(TabError),
        EXC(SystemError), EXC(TypeError), EXC(ValueError), EXC(UnicodeError),
        EXC(UnicodeDecodeError), EXC(UnicodeEncodeError), EXC(UnicodeTranslateError),
        EXC(ZeroDivisionError), EXC(FloatingPointError), EXC(OverflowError),
        EXC(Warning), EXC(BytesWarning), EXC(DeprecationWarning), EXC(EncodingWarning),
        EXC(FutureWarning), EXC(ImportWarning), EXC(PendingDeprecationWarning),
        EXC(ResourceWarning), EXC(RuntimeWarning), EXC(SyntaxWarning), EXC(UnicodeWarning),
        EXC(UserWarning),
#undef EXC
        {"EnvironmentError", PyExc_OSError}, {"IOError", PyExc_OSError},
    };
    for (size_t i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        if (PyDict_SetItemString(dict, objs[i].name, objs[i].obj) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
    }
    return mod;
}
