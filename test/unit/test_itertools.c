/* test_itertools.c: the itertools module through the C API: every iterator
 * against CPython's output, argument errors with CPython's messages, and
 * threads sharing one iterator. */
#include "module_helpers.h"
#include "thread_helpers.h"

static PyObject *it;

static void
setup(void)
{
    weft_setup();
    it = mh_load("itertools");
    cr_assert_not_null(it, "%s", weft_error_utf8());
}

TestSuite(itertools, .init = setup);

/* Predicates written in C, since there is no lambda here. */
static PyObject *
lt5(PyObject *self, PyObject *x)
{
    PyObject *five = PyLong_FromLong(5);
    PyObject *r = PyObject_RichCompare(x, five, Py_LT);
    Py_DECREF(five);
    return r;
}

static PyObject *
first_char(PyObject *self, PyObject *x)
{
    return PySequence_GetItem(x, 0);
}

static PyObject *
add3(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *c = NULL;
    if (!PyArg_ParseTuple(args, "OO|O", &a, &b, &c)) {
        return NULL;
    }
    PyObject *s = PyNumber_Add(a, b);
    if (s && c) {
        Py_SETREF(s, PyNumber_Add(s, c));
    }
    return s;
}

static PyObject *
maxf(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    int gt = PyObject_RichCompareBool(b, a, Py_GT);
    return Py_NewRef(gt ? b : a);
}

static PyMethodDef lt5_def = {"lt5", lt5, METH_O, NULL};
static PyMethodDef first_def = {"first_char", first_char, METH_O, NULL};
static PyMethodDef add3_def = {"add3", add3, METH_VARARGS, NULL};
static PyMethodDef max_def = {"maxf", maxf, METH_VARARGS, NULL};

Test(itertools, count_repr_and_values)
{
    PyObject *c = mh_call(it, "count", "()");
    weft_assert_repr(c, "count(0)");
    PyObject *v = PyIter_Next(c);
    weft_assert_repr(v, "0");
    Py_DECREF(v);
    weft_assert_repr(c, "count(1)");
    Py_DECREF(c);
    c = mh_call(it, "count", "(id)", 10, 2.5);
    weft_assert_repr(c, "count(10, 2.5)");
    mh_assert_list(mh_call(it, "islice", "(Oi)", c, 3), "[10, 12.5, 15.0]");
    Py_DECREF(c);
    c = mh_call(it, "count", "(ii)", 5, -1);
    mh_assert_list(mh_call(it, "islice", "(Oi)", c, 3), "[5, 4, 3]");
    weft_assert_repr(c, "count(2, -1)");
    Py_DECREF(c);
    c = mh_call(it, "count", "(d)", 1.0);
    weft_assert_repr(c, "count(1.0)");
    Py_DECREF(c);
    c = mh_call(it, "count", "(id)", 0, 1.0);
    weft_assert_repr(c, "count(0, 1.0)");
    Py_DECREF(c);
    /* Past sys.maxsize the count continues with big ints. */
    c = mh_call(it, "count", "(n)", PY_SSIZE_T_MAX - 1);
    mh_assert_list(mh_call(it, "islice", "(Oi)", c, 3),
                   "[9223372036854775806, 9223372036854775807, 9223372036854775808]");
    weft_assert_repr(c, "count(9223372036854775809)");
    Py_DECREF(c);
    cr_assert_null(mh_call(it, "count", "(s)", "a"));
    weft_assert_error("TypeError: a number is required");
}

Test(itertools, cycle_repeat)
{
    PyObject *c = mh_call(it, "cycle", "(s)", "ab");
    mh_assert_list(mh_call(it, "islice", "(Oi)", c, 5), "['a', 'b', 'a', 'b', 'a']");
    Py_DECREF(c);
    c = mh_call(it, "cycle", "([])");
    mh_assert_list(c, "[]");
    PyObject *r = mh_call(it, "repeat", "(si)", "a", 3);
    weft_assert_repr(r, "repeat('a', 3)");
    mh_assert_list(Py_NewRef(r), "['a', 'a', 'a']");
    weft_assert_repr(r, "repeat('a', 0)");
    Py_DECREF(r);
    r = mh_call(it, "repeat", "(i)", 1);
    weft_assert_repr(r, "repeat(1)");
    cr_assert_null(PyObject_CallMethod(r, "__length_hint__", NULL));
    weft_assert_error("TypeError: len() of unsized object");
    Py_DECREF(r);
    r = mh_call(it, "repeat", "(ii)", 1, -5);
    weft_assert_repr(r, "repeat(1, 0)");
    Py_DECREF(r);
    cr_assert_null(mh_call(it, "cycle", "()"));
    weft_assert_error("TypeError: cycle expected 1 argument, got 0");
}

Test(itertools, accumulate)
{
    mh_assert_list(mh_call(it, "accumulate", "([iiii])", 1, 2, 3, 4), "[1, 3, 6, 10]");
    mh_assert_list(mh_call(it, "accumulate", "(s)", "abc"), "['a', 'ab', 'abc']");
    PyObject *mx = PyCFunction_New(&max_def, NULL);
    mh_assert_list(mh_call(it, "accumulate", "([iiiii]O)", 3, 1, 4, 1, 5, mx),
                   "[3, 3, 4, 4, 5]");
    PyObject *args = Py_BuildValue("([ii])", 1, 2);
    PyObject *kw = Py_BuildValue("{s:i}", "initial", 100);
    mh_assert_list(mh_call_kw(it, "accumulate", args, kw), "[100, 101, 103]");
    Py_DECREF(args);
    args = Py_BuildValue("([])");
    mh_assert_list(mh_call_kw(it, "accumulate", args, kw), "[100]");
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(mx);
}

Test(itertools, chain_compress_filters)
{
    mh_assert_list(mh_call(it, "chain", "([ii](i)s)", 1, 2, 3, "ab"), "[1, 2, 3, 'a', 'b']");
    PyObject *chain = PyObject_GetAttrString(it, "chain");
    PyObject *fi = PyObject_CallMethod(chain, "from_iterable", "([ss])", "ab", "cd");
    mh_assert_list(fi, "['a', 'b', 'c', 'd']");
    Py_DECREF(chain);
    mh_assert_list(mh_call(it, "compress", "(s[iiiii])", "ABCDE", 1, 0, 1, 0, 1),
                   "['A', 'C', 'E']");
    PyObject *pred = PyCFunction_New(&lt5_def, NULL);
    PyObject *r = mh_range_list(9);
    mh_assert_list(mh_call(it, "filterfalse", "(OO)", pred, r), "[5, 6, 7, 8]");
    mh_assert_list(mh_call(it, "dropwhile", "(OO)", pred, r), "[5, 6, 7, 8]");
    mh_assert_list(mh_call(it, "takewhile", "(OO)", pred, r), "[0, 1, 2, 3, 4]");
    mh_assert_list(mh_call(it, "filterfalse", "(O[iiii])", Py_None, 0, 1, 0, 2), "[0, 0]");
    cr_assert_null(mh_call(it, "dropwhile", "(O)", pred));
    weft_assert_error("TypeError: dropwhile expected 2 arguments, got 1");
    Py_DECREF(r);
    Py_DECREF(pred);
    PyObject *add = PyCFunction_New(&add3_def, NULL);
    mh_assert_list(mh_call(it, "starmap", "(O[(iii)(ii)])", add, 1, 2, 3, 4, 5), "[6, 9]");
    Py_DECREF(add);
}

Test(itertools, groupby)
{
    PyObject *key = PyCFunction_New(&first_def, NULL);
    PyObject *g = mh_call(it, "groupby", "([sssss]O)", "apple", "avocado", "banana",
                          "blueberry", "cherry", key);
    PyObject *out = PyList_New(0);
    PyObject *pair;
    while ((pair = PyIter_Next(g)) != NULL) {
        PyObject *lst = PySequence_List(PyTuple_GET_ITEM(pair, 1));
        PyObject *t = PyTuple_Pack(2, PyTuple_GET_ITEM(pair, 0), lst);
        PyList_Append(out, t);
        Py_DECREF(t);
        Py_DECREF(lst);
        Py_DECREF(pair);
    }
    weft_assert_repr(out, "[('a', ['apple', 'avocado']), ('b', ['banana', 'blueberry']), "
                          "('c', ['cherry'])]");
    Py_DECREF(out);
    Py_DECREF(g);
    Py_DECREF(key);
    /* A group left behind is empty once the groupby moves on. */
    g = mh_call(it, "groupby", "(s)", "aabbbc");
    PyObject *p1 = PyIter_Next(g);
    PyObject *p2 = PyIter_Next(g);
    weft_assert_repr(PyTuple_GET_ITEM(p2, 0), "'b'");
    mh_assert_list(Py_NewRef(PyTuple_GET_ITEM(p1, 1)), "[]");
    mh_assert_list(Py_NewRef(PyTuple_GET_ITEM(p2, 1)), "['b', 'b', 'b']");
    Py_DECREF(p1);
    Py_DECREF(p2);
    Py_DECREF(g);
}

Test(itertools, islice)
{
    mh_assert_list(mh_call(it, "islice", "(sOi)", "abcdefg", Py_None, 2), "['a', 'b']");
    mh_assert_list(mh_call(it, "islice", "(sOOi)", "abcdefg", Py_None, Py_None, 2),
                   "['a', 'c', 'e', 'g']");
    mh_assert_list(mh_call(it, "islice", "(sii)", "abcdefg", 2, 4), "['c', 'd']");
    mh_assert_list(mh_call(it, "islice", "(sO)", "abc", Py_None), "['a', 'b', 'c']");
    cr_assert_null(mh_call(it, "islice", "(si)", "abc", -1));
    weft_assert_error("ValueError: Stop argument for islice() must be None or an integer: "
                      "0 <= x <= sys.maxsize.");
    cr_assert_null(mh_call(it, "islice", "(sii)", "abc", -1, 2));
    weft_assert_error("ValueError: Indices for islice() must be None or an integer: "
                      "0 <= x <= sys.maxsize.");
    cr_assert_null(mh_call(it, "islice", "(siii)", "abc", 0, 2, 0));
    weft_assert_error("ValueError: Step for islice() must be a positive integer or None.");
    cr_assert_null(mh_call(it, "islice", "(ss)", "abc", "x"));
    weft_assert_error("ValueError: Stop argument for islice() must be None or an integer: "
                      "0 <= x <= sys.maxsize.");
    cr_assert_null(mh_call(it, "islice", "(s)", "abc"));
    weft_assert_error("TypeError: islice expected at least 2 arguments, got 1");
    cr_assert_null(mh_call(it, "islice", "(siiii)", "abc", 1, 2, 3, 4));
    weft_assert_error("TypeError: islice expected at most 4 arguments, got 5");
}

Test(itertools, pairwise_batched_zip_longest)
{
    mh_assert_list(mh_call(it, "pairwise", "(s)", "abcd"),
                   "[('a', 'b'), ('b', 'c'), ('c', 'd')]");
    mh_assert_list(mh_call(it, "pairwise", "(s)", "a"), "[]");
    mh_assert_list(mh_call(it, "batched", "(si)", "abcdefg", 3),
                   "[('a', 'b', 'c'), ('d', 'e', 'f'), ('g',)]");
    cr_assert_null(mh_call(it, "batched", "(si)", "abc", 0));
    weft_assert_error("ValueError: n must be at least one");
    PyObject *args = Py_BuildValue("(si)", "abcd", 3);
    PyObject *kw = Py_BuildValue("{s:O}", "strict", Py_True);
    PyObject *b = mh_call_kw(it, "batched", args, kw);
    PyObject *first = PyIter_Next(b);
    weft_assert_repr(first, "('a', 'b', 'c')");
    Py_DECREF(first);
    cr_assert_null(PyIter_Next(b));
    weft_assert_error("ValueError: batched(): incomplete batch");
    Py_DECREF(b);
    Py_DECREF(args);
    Py_DECREF(kw);
    mh_assert_list(mh_call(it, "zip_longest", "([ii]s[O])", 1, 2, "abc", Py_True),
                   "[(1, 'a', True), (2, 'b', None), (None, 'c', None)]");
    args = Py_BuildValue("(ss)", "ab", "x");
    kw = Py_BuildValue("{s:s}", "fillvalue", "-");
    mh_assert_list(mh_call_kw(it, "zip_longest", args, kw), "[('a', 'x'), ('b', '-')]");
    Py_DECREF(args);
    Py_DECREF(kw);
}

Test(itertools, tee)
{
    PyObject *src = PyObject_GetIter(mh_range_list(100));
    Py_DECREF(src);  /* the iterator keeps the list */
    src = PyObject_GetIter(mh_range_list(100));
    PyObject *pair = mh_call(it, "tee", "(O)", src);
    Py_DECREF(src);
    cr_assert_eq(PyTuple_GET_SIZE(pair), 2);
    PyObject *a = PyTuple_GET_ITEM(pair, 0), *b = PyTuple_GET_ITEM(pair, 1);
    cr_assert_str_eq(Py_TYPE(a)->tp_name, "itertools._tee");
    PyObject *la = PySequence_List(a);
    PyObject *lb = PySequence_List(b);
    cr_assert_eq(PyList_GET_SIZE(la), 100);
    cr_assert_eq(PyObject_RichCompareBool(la, lb, Py_EQ), 1);
    Py_DECREF(la);
    Py_DECREF(lb);
    Py_DECREF(pair);
    PyObject *three = mh_call(it, "tee", "(si)", "ab", 3);
    cr_assert_eq(PyTuple_GET_SIZE(three), 3);
    mh_assert_list(Py_NewRef(PyTuple_GET_ITEM(three, 2)), "['a', 'b']");
    PyObject *copy = PyObject_CallMethod(PyTuple_GET_ITEM(three, 0), "__copy__", NULL);
    mh_assert_list(copy, "['a', 'b']");
    Py_DECREF(three);
    cr_assert_null(mh_call(it, "tee", "(si)", "ab", -1));
    weft_assert_error("ValueError: n must be >= 0");
    weft_assert_repr(mh_call(it, "tee", "(si)", "ab", 0), "()");
}

Test(itertools, combinatorics)
{
    mh_assert_list(mh_call(it, "product", "(ss)", "ab", "12"),
                   "[('a', '1'), ('a', '2'), ('b', '1'), ('b', '2')]");
    PyObject *args = Py_BuildValue("(s)", "01");
    PyObject *kw = Py_BuildValue("{s:i}", "repeat", 2);
    mh_assert_list(mh_call_kw(it, "product", args, kw),
                   "[('0', '0'), ('0', '1'), ('1', '0'), ('1', '1')]");
    Py_DECREF(kw);
    kw = Py_BuildValue("{s:i}", "repeat", -1);
    cr_assert_null(mh_call_kw(it, "product", args, kw));
    weft_assert_error("ValueError: repeat argument cannot be negative");
    Py_DECREF(kw);
    Py_DECREF(args);
    mh_assert_list(mh_call(it, "product", "()"), "[()]");
    mh_assert_list(mh_call(it, "product", "(ss)", "ab", ""), "[]");
    mh_assert_list(mh_call(it, "combinations", "(si)", "ABCD", 2),
                   "[('A', 'B'), ('A', 'C'), ('A', 'D'), ('B', 'C'), ('B', 'D'), ('C', 'D')]");
    mh_assert_list(mh_call(it, "combinations", "(si)", "AB", 3), "[]");
    mh_assert_list(mh_call(it, "combinations", "(si)", "AB", 0), "[()]");
    cr_assert_null(mh_call(it, "combinations", "(si)", "AB", -1));
    weft_assert_error("ValueError: r must be non-negative");
    mh_assert_list(mh_call(it, "combinations_with_replacement", "(si)", "ABC", 2),
                   "[('A', 'A'), ('A', 'B'), ('A', 'C'), ('B', 'B'), ('B', 'C'), ('C', 'C')]");
    mh_assert_list(mh_call(it, "permutations", "(si)", "ABC", 2),
                   "[('A', 'B'), ('A', 'C'), ('B', 'A'), ('B', 'C'), ('C', 'A'), ('C', 'B')]");
    mh_assert_list(mh_call(it, "permutations", "(s)", "abc"),
                   "[('a', 'b', 'c'), ('a', 'c', 'b'), ('b', 'a', 'c'), ('b', 'c', 'a'), "
                   "('c', 'a', 'b'), ('c', 'b', 'a')]");
    mh_assert_list(mh_call(it, "permutations", "(s)", ""), "[()]");
    PyObject *p = mh_call(it, "permutations", "(Oi)", mh_range_list(6), 3);
    PyObject *l = PySequence_List(p);
    cr_assert_eq(PyList_GET_SIZE(l), 120);
    Py_DECREF(l);
    Py_DECREF(p);
    PyObject *c = mh_call(it, "combinations", "(Oi)", mh_range_list(10), 4);
    l = PySequence_List(c);
    cr_assert_eq(PyList_GET_SIZE(l), 210);
    Py_DECREF(l);
    Py_DECREF(c);
}

/* ---- threads: one count shared by several threads hands out each value once */

#define NTH 4
#define PER_THREAD 5000

static PyObject *shared_count;
static PyObject *seen[NTH];

static void
count_worker(void *arg)
{
    long k = (long)(intptr_t)arg;
    for (int i = 0; i < PER_THREAD; i++) {
        PyObject *v = PyIter_Next(shared_count);
        PyList_Append(seen[k], v);
        Py_DECREF(v);
    }
}

Test(itertools, threads_share_count, .timeout = 120)
{
    shared_count = mh_call(it, "count", "(d)", 0.0);  /* the object path */
    pthread_t th[NTH];
    for (long k = 0; k < NTH; k++) {
        seen[k] = PyList_New(0);
        th[k] = th_start(count_worker, (void *)(intptr_t)k);
    }
    for (int k = 0; k < NTH; k++) {
        th_join(th[k]);
    }
    PyObject *all = PySet_New(NULL);
    for (int k = 0; k < NTH; k++) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(seen[k]); i++) {
            PySet_Add(all, PyList_GET_ITEM(seen[k], i));
        }
    }
    cr_assert_eq(PySet_GET_SIZE(all), NTH * PER_THREAD);
    Py_DECREF(all);
}

/* ---- threads: two tee copies drained by two threads see every item ---- */

static PyObject *tee_copies;
static PyObject *tee_seen[2];

static void
tee_worker(void *arg)
{
    long k = (long)(intptr_t)arg;
    PyObject *copy = PyTuple_GET_ITEM(tee_copies, k);
    PyObject *v;
    while ((v = PyIter_Next(copy)) != NULL) {
        PyList_Append(tee_seen[k], v);
        Py_DECREF(v);
    }
}

Test(itertools, threads_tee_copies, .timeout = 120)
{
    PyObject *src = mh_call(it, "count", "()");
    PyObject *lim = mh_call(it, "islice", "(Oi)", src, 20000);
    Py_DECREF(src);
    tee_copies = mh_call(it, "tee", "(O)", lim);
    Py_DECREF(lim);
    pthread_t th[2];
    for (long k = 0; k < 2; k++) {
        tee_seen[k] = PyList_New(0);
        th[k] = th_start(tee_worker, (void *)(intptr_t)k);
    }
    for (int k = 0; k < 2; k++) {
        th_join(th[k]);
    }
    PyObject *expect = mh_range_list(20000);
    for (int k = 0; k < 2; k++) {
        cr_assert_eq(PyObject_RichCompareBool(tee_seen[k], expect, Py_EQ), 1);
        Py_DECREF(tee_seen[k]);
    }
    Py_DECREF(expect);
    Py_DECREF(tee_copies);
}
