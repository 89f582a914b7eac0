/* test_functools.c: the _functools module through the C API: reduce,
 * partial (calls, flattening, repr, attributes), cmp_to_key and the
 * _lru_cache_wrapper (hits, misses, eviction order, typed keys, clear),
 * and threads sharing one cache. */
#include "module_helpers.h"
#include "thread_helpers.h"

static PyObject *mod;

static void
setup(void)
{
    weft_setup();
    mod = mh_load("_functools");
    cr_assert_not_null(mod, "%s", weft_error_utf8());
}

TestSuite(functools, .init = setup);

static PyObject *
add2(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    return PyNumber_Add(a, b);
}

/* Returns (args, kwargs) so tests can see what a partial passes on. */
static PyObject *
echo(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return Py_BuildValue("(OO)", args, kwargs ? kwargs : Py_None);
}

static long square_calls;

static PyObject *
square(PyObject *self, PyObject *x)
{
    __atomic_fetch_add(&square_calls, 1, __ATOMIC_RELAXED);
    return PyNumber_Multiply(x, x);
}

static PyObject *
cmp_rev(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    return PyNumber_Subtract(b, a);
}

/* A stand-in for functools.py's CacheInfo named tuple. */
static PyObject *
cache_info(PyObject *self, PyObject *args)
{
    return Py_NewRef(args);
}

static PyMethodDef add2_def = {"add2", add2, METH_VARARGS, NULL};
static PyMethodDef echo_def = {"echo", _PyCFunction_CAST(echo), METH_VARARGS | METH_KEYWORDS, NULL};
static PyMethodDef square_def = {"square", square, METH_O, NULL};
static PyMethodDef cmp_def = {"cmp_rev", cmp_rev, METH_VARARGS, NULL};
static PyMethodDef info_def = {"CacheInfo", cache_info, METH_VARARGS, NULL};

Test(functools, reduce)
{
    PyObject *add = PyCFunction_New(&add2_def, NULL);
    weft_assert_repr(mh_call(mod, "reduce", "(O[iiii])", add, 1, 2, 3, 4), "10");
    weft_assert_repr(mh_call(mod, "reduce", "(O[ii]i)", add, 1, 2, 10), "13");
    weft_assert_repr(mh_call(mod, "reduce", "(O[]i)", add, 7), "7");
    weft_assert_repr(mh_call(mod, "reduce", "(Os)", add, "abc"), "'abc'");
    cr_assert_null(mh_call(mod, "reduce", "(O[])", add));
    weft_assert_error("TypeError: reduce() of empty iterable with no initial value");
    cr_assert_null(mh_call(mod, "reduce", "(O)", add));
    weft_assert_error("TypeError: reduce expected at least 2 arguments, got 1");
    cr_assert_null(mh_call(mod, "reduce", "(Oi)", add, 1));
    weft_assert_error("TypeError: reduce() arg 2 must support iteration");
    Py_DECREF(add);
}

Test(functools, partial)
{
    PyObject *e = PyCFunction_New(&echo_def, NULL);
    PyObject *args = Py_BuildValue("(Oi)", e, 1);
    PyObject *kw = Py_BuildValue("{s:i}", "a", 2);
    PyObject *p = mh_call_kw(mod, "partial", args, kw);
    Py_DECREF(args);
    Py_DECREF(kw);
    weft_assert_repr(p, "functools.partial(<built-in function echo>, 1, a=2)");
    PyObject *callargs = Py_BuildValue("(i)", 3);
    PyObject *callkw = Py_BuildValue("{s:i}", "b", 4);
    weft_assert_repr(PyObject_Call(p, callargs, callkw), "((1, 3), {'a': 2, 'b': 4})");
    weft_assert_repr(PyObject_CallNoArgs(p), "((1,), {'a': 2})");
    /* The call's keywords win over the stored ones. */
    Py_DECREF(callkw);
    callkw = Py_BuildValue("{s:i}", "a", 9);
    weft_assert_repr(PyObject_Call(p, callargs, callkw), "((1, 3), {'a': 9})");
    /* Nested partials flatten. */
    PyObject *p2 = mh_call(mod, "partial", "(Oi)", p, 5);
    weft_assert_repr(p2, "functools.partial(<built-in function echo>, 1, 5, a=2)");
    weft_assert_repr(PyObject_GetAttrString(p2, "func"), "<built-in function echo>");
    weft_assert_repr(PyObject_GetAttrString(p2, "args"), "(1, 5)");
    weft_assert_repr(PyObject_GetAttrString(p2, "keywords"), "{'a': 2}");
    /* Attributes may be set (functools.update_wrapper does). */
    PyObject *name = PyUnicode_FromString("doc!");
    cr_assert_eq(PyObject_SetAttrString(p2, "__doc__", name), 0);
    Py_DECREF(name);
    /* A partial used as an attribute of an instance does not bind (3.13). */
    PyObject *one = PyLong_FromLong(1);
    PyObject *got = Py_TYPE(p)->tp_descr_get(p, one, (PyObject *)&PyLong_Type);
    cr_assert_eq(got, p);
    Py_DECREF(got);
    Py_DECREF(one);
    cr_assert_null(mh_call(mod, "partial", "()"));
    weft_assert_error("TypeError: type 'partial' takes at least one argument");
    cr_assert_null(mh_call(mod, "partial", "(i)", 1));
    weft_assert_error("TypeError: the first argument must be callable");
    Py_DECREF(callargs);
    Py_DECREF(callkw);
    Py_DECREF(p2);
    Py_DECREF(p);
    Py_DECREF(e);
}

Test(functools, cmp_to_key)
{
    PyObject *cmp = PyCFunction_New(&cmp_def, NULL);
    PyObject *key = mh_call(mod, "cmp_to_key", "(O)", cmp);
    cr_assert_str_eq(Py_TYPE(key)->tp_name, "functools.KeyWrapper");
    PyObject *k1 = PyObject_CallFunction(key, "i", 1);
    PyObject *k2 = PyObject_CallFunction(key, "i", 2);
    /* cmp_rev reverses the order. */
    cr_assert_eq(PyObject_RichCompareBool(k1, k2, Py_GT), 1);
    cr_assert_eq(PyObject_RichCompareBool(k1, k2, Py_LT), 0);
    weft_assert_repr(PyObject_GetAttrString(k1, "obj"), "1");
    PyObject *l = Py_BuildValue("[iiii]", 3, 1, 4, 2);
    PyObject *kwargs = Py_BuildValue("{s:O}", "key", key);
    PyObject *sort = PyObject_GetAttrString(l, "sort");
    PyObject *empty = PyTuple_New(0);
    Py_XDECREF(PyObject_Call(sort, empty, kwargs));
    weft_assert_repr(l, "[4, 3, 2, 1]");
    PyObject *one = PyLong_FromLong(1);
    cr_assert_null(PyObject_RichCompare(k1, one, Py_LT));
    weft_assert_error("TypeError: other argument must be K instance");
    cr_assert_eq(PyObject_Hash(k1), -1);
    weft_assert_error("TypeError: unhashable type: 'functools.KeyWrapper'");
    Py_DECREF(one);
    Py_DECREF(empty);
    Py_DECREF(sort);
    Py_DECREF(kwargs);
    Py_DECREF(l);
    Py_DECREF(k1);
    Py_DECREF(k2);
    Py_DECREF(key);
    Py_DECREF(cmp);
}

static PyObject *
make_cache(PyObject *maxsize, int typed)
{
    PyObject *f = PyCFunction_New(&square_def, NULL);
    PyObject *info = PyCFunction_New(&info_def, NULL);
    PyObject *w = mh_call(mod, "_lru_cache_wrapper", "(OOOO)", f, maxsize,
                          typed ? Py_True : Py_False, info);
    Py_DECREF(f);
    Py_DECREF(info);
    return w;
}

Test(functools, lru_cache_bounded)
{
    PyObject *two = PyLong_FromLong(2);
    PyObject *w = make_cache(two, 0);
    Py_DECREF(two);
    square_calls = 0;
    weft_assert_repr(PyObject_CallFunction(w, "i", 3), "9");
    weft_assert_repr(PyObject_CallFunction(w, "i", 3), "9");
    weft_assert_repr(PyObject_CallFunction(w, "i", 4), "16");
    cr_assert_eq(square_calls, 2);
    weft_assert_repr(PyObject_CallMethod(w, "cache_info", NULL), "(1, 2, 2, 2)");
    /* Using 3 again leaves 4 least recently used: 5 evicts 4. */
    weft_assert_repr(PyObject_CallFunction(w, "i", 3), "9");
    weft_assert_repr(PyObject_CallFunction(w, "i", 5), "25");
    square_calls = 0;
    weft_assert_repr(PyObject_CallFunction(w, "i", 3), "9");
    cr_assert_eq(square_calls, 0);
    weft_assert_repr(PyObject_CallFunction(w, "i", 4), "16");
    cr_assert_eq(square_calls, 1);
    Py_XDECREF(PyObject_CallMethod(w, "cache_clear", NULL));
    weft_assert_repr(PyObject_CallMethod(w, "cache_info", NULL), "(0, 0, 2, 0)");
    /* The wrapper carries a __dict__ for update_wrapper. */
    PyObject *v = PyUnicode_FromString("w");
    cr_assert_eq(PyObject_SetAttrString(w, "__wrapped__", v), 0);
    Py_DECREF(v);
    Py_DECREF(w);
    cr_assert_null(make_cache(PyUnicode_FromString("a"), 0));
    weft_assert_error("TypeError: maxsize should be integer or None");
}

Test(functools, lru_cache_unbounded_and_typed)
{
    PyObject *w = make_cache(Py_None, 0);
    square_calls = 0;
    for (int i = 0; i < 100; i++) {
        Py_XDECREF(PyObject_CallFunction(w, "i", i % 10));
    }
    cr_assert_eq(square_calls, 10);
    weft_assert_repr(PyObject_CallMethod(w, "cache_info", NULL), "(90, 10, None, 10)");
    /* A lone int argument is its own key, so even untyped, 3.0 is a
     * different entry (as in CPython). */
    weft_assert_repr(PyObject_CallFunction(w, "d", 3.0), "9.0");
    cr_assert_eq(square_calls, 11);
    Py_DECREF(w);
    w = make_cache(Py_None, 1);
    square_calls = 0;
    weft_assert_repr(PyObject_CallFunction(w, "i", 3), "9");
    weft_assert_repr(PyObject_CallFunction(w, "d", 3.0), "9.0");
    cr_assert_eq(square_calls, 2);
    Py_DECREF(w);
    /* maxsize=0: no caching at all. */
    PyObject *zero = PyLong_FromLong(0);
    w = make_cache(zero, 0);
    Py_DECREF(zero);
    square_calls = 0;
    Py_XDECREF(PyObject_CallFunction(w, "i", 3));
    Py_XDECREF(PyObject_CallFunction(w, "i", 3));
    cr_assert_eq(square_calls, 2);
    weft_assert_repr(PyObject_CallMethod(w, "cache_info", NULL), "(0, 2, 0, 0)");
    Py_DECREF(w);
}

#define NTH 4
#define CALLS 3000

static PyObject *shared_cache;

static void
cache_worker(void *arg)
{
    for (int i = 0; i < CALLS; i++) {
        PyObject *r = PyObject_CallFunction(shared_cache, "i", i % 50);
        if (r == NULL) {
            abort();
        }
        Py_DECREF(r);
    }
}

Test(functools, threads_share_cache, .timeout = 120)
{
    PyObject *ten = PyLong_FromLong(10);
    shared_cache = make_cache(ten, 0);
    Py_DECREF(ten);
    pthread_t th[NTH];
    for (int k = 0; k < NTH; k++) {
        th[k] = th_start(cache_worker, NULL);
    }
    for (int k = 0; k < NTH; k++) {
        th_join(th[k]);
    }
    PyObject *info = PyObject_CallMethod(shared_cache, "cache_info", NULL);
    long hits = PyLong_AsLong(PyTuple_GET_ITEM(info, 0));
    long misses = PyLong_AsLong(PyTuple_GET_ITEM(info, 1));
    cr_assert_eq(hits + misses, NTH * CALLS);
    cr_assert_leq(PyLong_AsLong(PyTuple_GET_ITEM(info, 3)), 10);
    Py_DECREF(info);
    Py_DECREF(shared_cache);
}
