/* test_list.c: the list type through the C API: construction, indexing,
 * slicing and slice assignment, methods and their error messages, repr with
 * recursion, comparison, sort (order, stability, key, reverse, errors,
 * mutation during sort), and threads appending / popping concurrently.
 * Expected values come from CPython 3. */
#include "weft_test.h"
#include "thread_helpers.h"

TestSuite(list, .init = weft_setup);

static PyObject *
ints(const long *v, Py_ssize_t n)
{
    PyObject *l = PyList_New(0);
    cr_assert_not_null(l);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyLong_FromLong(v[i]);
        cr_assert_eq(PyList_Append(l, x), 0);
        Py_DECREF(x);
    }
    return l;
}
#define INTS(...) ints((const long[]){__VA_ARGS__}, \
                       sizeof((const long[]){__VA_ARGS__}) / sizeof(long))

static PyObject *
range_list(long n)
{
    PyObject *l = PyList_New(n);
    for (long i = 0; i < n; i++) {
        PyList_SET_ITEM(l, i, PyLong_FromLong(i));
    }
    return l;
}

static PyObject *
slice3(PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *s = PySlice_New(a, b, c);
    cr_assert_not_null(s);
    return s;
}

static PyObject *
lng(long v)
{
    return PyLong_FromLong(v);
}

/* obj[start:stop:step] with C longs; LONG_MIN means None. */
static PyObject *
getslice(PyObject *obj, long start, long stop, long step)
{
    PyObject *a = start == LONG_MIN ? Py_None : lng(start);
    PyObject *b = stop == LONG_MIN ? Py_None : lng(stop);
    PyObject *c = step == LONG_MIN ? Py_None : lng(step);
    PyObject *s = slice3(a, b, c);
    PyObject *r = PyObject_GetItem(obj, s);
    Py_DECREF(s);
    return r;
}

static int
setslice(PyObject *obj, long start, long stop, long step, PyObject *v)
{
    PyObject *a = start == LONG_MIN ? Py_None : lng(start);
    PyObject *b = stop == LONG_MIN ? Py_None : lng(stop);
    PyObject *c = step == LONG_MIN ? Py_None : lng(step);
    PyObject *s = slice3(a, b, c);
    int r = v ? PyObject_SetItem(obj, s, v) : PyObject_DelItem(obj, s);
    Py_DECREF(s);
    return r;
}
#define N LONG_MIN

Test(list, new_append_repr)
{
    PyObject *l = PyList_New(0);
    weft_assert_repr(l, "[]");
    PyObject *one = lng(1), *two = lng(2);
    PyList_Append(l, one);
    PyList_Append(l, two);
    PyList_Insert(l, 0, two);
    PyList_Insert(l, 100, one);
    PyList_Insert(l, -100, one);
    weft_assert_repr(l, "[1, 2, 1, 2, 1]");
    cr_assert_eq(PyList_Size(l), 5);
    cr_assert_eq(PyList_GetItem(l, 1), two);
    cr_assert_null(PyList_GetItem(l, 5));
    weft_assert_error("IndexError: list index out of range");
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(l);
}

Test(list, repr_recursive)
{
    PyObject *l = INTS(1, 2);
    PyList_Append(l, l);
    weft_assert_repr(l, "[1, 2, [...]]");
    PyObject *outer = PyList_New(0);
    PyList_Append(outer, l);
    weft_assert_repr(outer, "[[1, 2, [...]]]");
    PyList_Clear(l);
    Py_DECREF(outer);
    Py_DECREF(l);
}

Test(list, indexing)
{
    PyObject *l = INTS(10, 20, 30);
    PyObject *i = lng(-1);
    weft_assert_repr(PyObject_GetItem(l, i), "30");
    Py_DECREF(i);
    i = lng(3);
    cr_assert_null(PyObject_GetItem(l, i));
    weft_assert_error("IndexError: list index out of range");
    cr_assert_eq(PyObject_SetItem(l, i, i), -1);
    weft_assert_error("IndexError: list assignment index out of range");
    cr_assert_eq(PyObject_DelItem(l, i), -1);
    weft_assert_error("IndexError: list assignment index out of range");
    Py_DECREF(i);
    cr_assert_null(PyObject_GetItem(l, Py_None));
    weft_assert_error("TypeError: list indices must be integers or slices, not NoneType");
    i = lng(0);
    cr_assert_eq(PyObject_DelItem(l, i), 0);
    Py_DECREF(i);
    weft_assert_repr(l, "[20, 30]");
    Py_DECREF(l);
}

Test(list, slicing)
{
    PyObject *l = range_list(10);
    weft_assert_repr(getslice(l, 1, 4, N), "[1, 2, 3]");
    weft_assert_repr(getslice(l, N, N, 2), "[0, 2, 4, 6, 8]");
    weft_assert_repr(getslice(l, N, N, -1), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    weft_assert_repr(getslice(l, 8, 1, -3), "[8, 5, 2]");
    weft_assert_repr(getslice(l, -3, N, N), "[7, 8, 9]");
    weft_assert_repr(getslice(l, 100, 200, N), "[]");
    weft_assert_repr(getslice(l, -100, 2, N), "[0, 1]");
    cr_assert_null(getslice(l, N, N, 0));
    weft_assert_error("ValueError: slice step cannot be zero");
    weft_assert_repr(PyList_GetSlice(l, 2, 5), "[2, 3, 4]");
    Py_DECREF(l);
}

Test(list, slice_assignment)
{
    PyObject *l = INTS(1, 2, 3, 4, 5);
    PyObject *v = INTS(7, 8, 9);
    cr_assert_eq(setslice(l, 1, 3, N, v), 0);
    weft_assert_repr(l, "[1, 7, 8, 9, 4, 5]");
    cr_assert_eq(setslice(l, 1, 5, N, NULL), 0);
    weft_assert_repr(l, "[1, 5]");
    cr_assert_eq(setslice(l, 1, 1, N, l), 0);  /* a[1:1] = a */
    weft_assert_repr(l, "[1, 1, 5, 5]");
    Py_DECREF(l);

    l = INTS(1, 2, 3, 4, 5);
    cr_assert_eq(setslice(l, N, N, -2, v), 0);
    weft_assert_repr(l, "[9, 2, 8, 4, 7]");
    PyObject *two = INTS(0, 0);
    cr_assert_eq(setslice(l, N, N, 2, two), -1);
    weft_assert_error("ValueError: attempt to assign sequence of size 2 to extended slice of size 3");
    cr_assert_eq(setslice(l, N, N, 2, Py_None), -1);
    weft_assert_error("TypeError: must assign iterable to extended slice");
    cr_assert_eq(setslice(l, 0, 1, N, Py_None), -1);
    weft_assert_error("TypeError: can only assign an iterable");
    cr_assert_eq(setslice(l, N, N, -2, NULL), 0);
    weft_assert_repr(l, "[2, 4]");
    Py_DECREF(l);

    l = range_list(10);
    cr_assert_eq(setslice(l, 1, N, 3, NULL), 0);
    weft_assert_repr(l, "[0, 2, 3, 5, 6, 8, 9]");
    cr_assert_eq(PyList_SetSlice(l, 0, 100, NULL), 0);
    weft_assert_repr(l, "[]");
    Py_DECREF(l);
    Py_DECREF(v);
    Py_DECREF(two);
}

Test(list, methods)
{
    PyObject *l = INTS(3, 1, 3, 2);
    weft_assert_repr(PyObject_CallMethod(l, "index", "i", 3), "0");
    weft_assert_repr(PyObject_CallMethod(l, "index", "ii", 3, 1), "2");
    weft_assert_repr(PyObject_CallMethod(l, "index", "iii", 3, -3, 100), "2");
    cr_assert_null(PyObject_CallMethod(l, "index", "iii", 3, 0, -4));
    weft_assert_error("ValueError: 3 is not in list");
    cr_assert_null(PyObject_CallMethod(l, "index", "i", 7));
    weft_assert_error("ValueError: 7 is not in list");
    weft_assert_repr(PyObject_CallMethod(l, "count", "i", 3), "2");
    weft_assert_repr(PyObject_CallMethod(l, "remove", "i", 3), "None");
    weft_assert_repr(l, "[1, 3, 2]");
    cr_assert_null(PyObject_CallMethod(l, "remove", "i", 9));
    weft_assert_error("ValueError: list.remove(x): x not in list");
    weft_assert_repr(PyObject_CallMethod(l, "pop", NULL), "2");
    weft_assert_repr(PyObject_CallMethod(l, "pop", "i", 0), "1");
    cr_assert_null(PyObject_CallMethod(l, "pop", "i", 5));
    weft_assert_error("IndexError: pop index out of range");
    weft_assert_repr(PyObject_CallMethod(l, "insert", "ii", -1, 8), "None");
    weft_assert_repr(l, "[8, 3]");
    cr_assert_null(PyObject_CallMethod(l, "insert", "i", 1));
    weft_assert_error("TypeError: insert expected 2 arguments, got 1");
    weft_assert_repr(PyObject_CallMethod(l, "reverse", NULL), "None");
    weft_assert_repr(l, "[3, 8]");
    PyObject *c = PyObject_CallMethod(l, "copy", NULL);
    weft_assert_repr(c, "[3, 8]");
    cr_assert_neq(c, l);
    weft_assert_repr(PyObject_CallMethod(l, "extend", "O", c), "None");
    weft_assert_repr(PyObject_CallMethod(l, "extend", "O", l), "None");
    weft_assert_repr(l, "[3, 8, 3, 8, 3, 8, 3, 8]");
    cr_assert_null(PyObject_CallMethod(l, "extend", "O", Py_None));
    weft_assert_error("TypeError: 'NoneType' object is not iterable");
    weft_assert_repr(PyObject_CallMethod(l, "clear", NULL), "None");
    weft_assert_repr(l, "[]");
    cr_assert_null(PyObject_CallMethod(l, "pop", NULL));
    weft_assert_error("IndexError: pop from empty list");
    Py_DECREF(c);
    Py_DECREF(l);
}

Test(list, operators)
{
    PyObject *a = INTS(1, 2), *b = INTS(3);
    weft_assert_repr(PyNumber_Add(a, b), "[1, 2, 3]");
    PyObject *three = lng(3);
    weft_assert_repr(PyNumber_Multiply(a, three), "[1, 2, 1, 2, 1, 2]");
    PyObject *t = PyTuple_Pack(1, three);
    cr_assert_null(PyNumber_Add(a, t));
    weft_assert_error("TypeError: can only concatenate list (not \"tuple\") to list");
    PyObject *r = PyNumber_InPlaceAdd(a, t);  /* += takes any iterable */
    cr_assert_eq(r, a);
    Py_DECREF(r);
    weft_assert_repr(a, "[1, 2, 3]");
    r = PyNumber_InPlaceMultiply(b, three);
    cr_assert_eq(r, b);
    Py_DECREF(r);
    weft_assert_repr(b, "[3, 3, 3]");
    cr_assert_eq(PySequence_Contains(a, three), 1);
    PyObject *m = lng(-1);
    weft_assert_repr(PyNumber_Multiply(a, m), "[]");
    Py_DECREF(m);
    Py_DECREF(t);
    Py_DECREF(three);
    Py_DECREF(a);
    Py_DECREF(b);
}

Test(list, compare)
{
    PyObject *a = INTS(1, 2), *b = INTS(1, 3), *c = INTS(1, 2, 0), *d = INTS(1, 2);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(b, a, Py_LT), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_LT), 1);
    cr_assert_eq(PyObject_RichCompareBool(c, a, Py_GE), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, d, Py_EQ), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, c, Py_EQ), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, d, Py_LE), 1);
    cr_assert_eq(PyObject_RichCompareBool(a, Py_None, Py_EQ), 0);
    cr_assert_eq(PyObject_RichCompareBool(a, Py_None, Py_LT), -1);
    weft_assert_error("TypeError: '<' not supported between instances of 'list' and 'NoneType'");
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    Py_DECREF(d);
}

Test(list, constructor)
{
    PyObject *t = PyTuple_Pack(2, Py_None, Py_True);
    PyObject *l = PyObject_CallOneArg((PyObject *)&PyList_Type, t);
    weft_assert_repr(l, "[None, True]");
    PyObject *it = PyObject_GetIter(l);
    PyObject *l2 = PyObject_CallOneArg((PyObject *)&PyList_Type, it);
    weft_assert_repr(l2, "[None, True]");
    cr_assert_null(PyObject_CallOneArg((PyObject *)&PyList_Type, Py_None));
    weft_assert_error("TypeError: 'NoneType' object is not iterable");
    weft_assert_repr(PySequence_Tuple(l), "(None, True)");
    weft_assert_repr(PyList_AsTuple(l), "(None, True)");
    Py_DECREF(it);
    Py_DECREF(l);
    Py_DECREF(l2);
    Py_DECREF(t);
}

Test(list, iterators)
{
    PyObject *l = INTS(1, 2, 3);
    PyObject *it = PyObject_GetIter(l);
    cr_assert_eq(strncmp(weft_repr_utf8(it), "<list_iterator object at 0x", 27), 0);
    cr_assert_str_eq(Py_TYPE(it)->tp_name, "list_iterator");
    weft_assert_repr(PyIter_Next(it), "1");
    PyList_Append(l, l);  /* growth during iteration is seen */
    weft_assert_repr(PyIter_Next(it), "2");
    weft_assert_repr(PyIter_Next(it), "3");
    PyObject *last = PyIter_Next(it);
    cr_assert_eq(last, l);
    Py_DECREF(last);
    cr_assert_null(PyIter_Next(it));
    cr_assert_null(PyErr_Occurred());
    Py_DECREF(it);
    PyList_SetSlice(l, 3, 4, NULL);
    PyObject *rev = PyObject_CallMethod(l, "__reversed__", NULL);
    cr_assert_str_eq(Py_TYPE(rev)->tp_name, "list_reverseiterator");
    PyObject *r = PySequence_List(rev);
    weft_assert_repr(r, "[3, 2, 1]");
    Py_DECREF(r);
    Py_DECREF(rev);
    Py_DECREF(l);
}

/* ---- sort ----------------------------------------------------------------- */

static PyObject *
sort_kw(PyObject *l, PyObject *key, int reverse)
{
    PyObject *kw = PyDict_New();
    if (key != NULL) {
        PyDict_SetItemString(kw, "key", key);
    }
    if (reverse) {
        PyDict_SetItemString(kw, "reverse", Py_True);
    }
    PyObject *meth = PyObject_GetAttrString(l, "sort");
    PyObject *args = PyTuple_New(0);
    PyObject *r = PyObject_Call(meth, args, kw);
    Py_DECREF(args);
    Py_DECREF(meth);
    Py_DECREF(kw);
    return r;
}

static PyObject *
key_div10(PyObject *self, PyObject *x)
{
    PyObject *ten = PyLong_FromLong(10);
    PyObject *r = PyNumber_FloorDivide(x, ten);
    Py_DECREF(ten);
    return r;
}
static PyMethodDef key_div10_def = {"key_div10", key_div10, METH_O, NULL};

/* Appends to the list being sorted (its `self`). */
static PyObject *
key_mutate(PyObject *self, PyObject *x)
{
    PyList_Append(self, x);
    return Py_NewRef(x);
}
static PyMethodDef key_mutate_def = {"key_mutate", key_mutate, METH_O, NULL};

static int ncalls;
static PyObject *
key_fail_third(PyObject *self, PyObject *x)
{
    if (++ncalls == 3) {
        PyErr_SetString(PyExc_RuntimeError, "boom");
        return NULL;
    }
    return Py_NewRef(x);
}
static PyMethodDef key_fail_def = {"key_fail", key_fail_third, METH_O, NULL};

Test(list, sort_basic)
{
    PyObject *l = INTS(5, 3, 9, 1, 5, 0, -2, 7);
    cr_assert_eq(PyList_Sort(l), 0);
    weft_assert_repr(l, "[-2, 0, 1, 3, 5, 5, 7, 9]");
    weft_assert_repr(sort_kw(l, NULL, 1), "None");
    weft_assert_repr(l, "[9, 7, 5, 5, 3, 1, 0, -2]");
    Py_DECREF(l);
}

static int
cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

Test(list, sort_large_matches_qsort)
{
    /* Several shapes: random, runs, descending, many duplicates. */
    enum { n = 5000 };
    static long vals[n];
    for (int shape = 0; shape < 4; shape++) {
        unsigned long seed = 12345 + shape;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            long r = (long)(seed >> 33);
            switch (shape) {
            case 0: vals[i] = r % 100000; break;
            case 1: vals[i] = (i % 700) * 3 + (r % 2); break;
            case 2: vals[i] = n - i; break;
            default: vals[i] = r % 7; break;
            }
        }
        PyObject *l = ints(vals, n);
        cr_assert_eq(PyList_Sort(l), 0);
        qsort(vals, n, sizeof(long), cmp_long);
        for (int i = 0; i < n; i++) {
            cr_assert_eq(PyLong_AsLong(PyList_GET_ITEM(l, i)), vals[i], "shape %d at %d", shape, i);
        }
        Py_DECREF(l);
    }
}

Test(list, sort_key_is_stable)
{
    PyObject *key = PyCFunction_New(&key_div10_def, NULL);
    /* sorted(l, key=lambda x: x // 10) and with reverse=True, from CPython */
    PyObject *l = INTS(35, 12, 31, 18, 5, 33, 10, 1, 39, 17, 0, 30);
    weft_assert_repr(sort_kw(l, key, 0), "None");
    weft_assert_repr(l, "[5, 1, 0, 12, 18, 10, 17, 35, 31, 33, 39, 30]");
    Py_DECREF(l);
    l = INTS(35, 12, 31, 18, 5, 33, 10, 1, 39, 17, 0, 30);
    weft_assert_repr(sort_kw(l, key, 1), "None");
    weft_assert_repr(l, "[35, 31, 33, 39, 30, 12, 18, 10, 17, 5, 1, 0]");
    Py_DECREF(l);
    Py_DECREF(key);
}

Test(list, sort_errors)
{
    /* A comparison that raises: the error propagates, no item is lost. */
    PyObject *l = INTS(3, 1, 2);
    PyList_Insert(l, 1, Py_None);
    cr_assert_null(sort_kw(l, NULL, 0));
    weft_assert_error("TypeError: '<' not supported between instances of 'NoneType' and 'int'");
    cr_assert_eq(PyList_GET_SIZE(l), 4);
    cr_assert_eq(PySequence_Contains(l, Py_None), 1);
    Py_DECREF(l);

    /* A key function that raises: the list is left as it was. */
    l = INTS(3, 1, 2, 5);
    PyObject *key = PyCFunction_New(&key_fail_def, NULL);
    ncalls = 0;
    cr_assert_null(sort_kw(l, key, 0));
    weft_assert_error("RuntimeError: boom");
    weft_assert_repr(l, "[3, 1, 2, 5]");
    Py_DECREF(key);

    /* Mutation during sort: ValueError, sorted contents kept. */
    key = PyCFunction_New(&key_mutate_def, l);
    cr_assert_null(sort_kw(l, key, 0));
    weft_assert_error("ValueError: list modified during sort");
    weft_assert_repr(l, "[1, 2, 3, 5]");
    Py_DECREF(key);

    PyObject *meth = PyObject_GetAttrString(l, "sort");
    PyObject *args = PyTuple_Pack(1, Py_None);
    cr_assert_null(PyObject_Call(meth, args, NULL));
    weft_assert_error("TypeError: sort() takes no positional arguments");
    Py_DECREF(args);
    Py_DECREF(meth);
    Py_DECREF(l);
}

/* ---- threads ------------------------------------------------------------- */

#define NTHREADS 8
#define PER_THREAD 20000

static void
append_body(void *arg)
{
    PyObject *l = (PyObject *)arg;
    for (long i = 0; i < PER_THREAD; i++) {
        PyObject *x = PyLong_FromLong(i);
        if (PyList_Append(l, x) < 0) {
            abort();
        }
        Py_DECREF(x);
    }
}

Test(list, threads_append_exact_length, .timeout = 120)
{
    PyObject *l = PyList_New(0);
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        th[i] = th_start(append_body, l);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    cr_assert_eq(PyList_GET_SIZE(l), NTHREADS * PER_THREAD);
    /* Every value 0..PER_THREAD-1 appended exactly NTHREADS times. */
    static int seen[PER_THREAD];
    memset(seen, 0, sizeof(seen));
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(l); i++) {
        seen[PyLong_AsLong(PyList_GET_ITEM(l, i))]++;
    }
    for (int i = 0; i < PER_THREAD; i++) {
        cr_assert_eq(seen[i], NTHREADS);
    }
    Py_DECREF(l);
}

typedef struct {
    PyObject *list;
    long popped;
    long sum;
} popper_arg;

static void
pop_body(void *raw)
{
    popper_arg *a = raw;
    PyObject *pop = PyUnicode_FromString("pop");
    long misses = 0;
    while (a->popped < PER_THREAD / 2 && misses < 5000000) {
        PyObject *x = PyObject_CallMethodNoArgs(a->list, pop);
        if (x == NULL) {
            PyErr_Clear();  /* empty for now: IndexError */
            misses++;
            /* Let an appender run (it needs the GIL in the default build). */
            PyThreadState *save = PyEval_SaveThread();
            sched_yield();
            PyEval_RestoreThread(save);
            continue;
        }
        a->sum += PyLong_AsLong(x);
        a->popped++;
        Py_DECREF(x);
    }
    Py_DECREF(pop);
}

Test(list, threads_pop_while_append, .timeout = 120)
{
    PyObject *l = PyList_New(0);
    pthread_t th[NTHREADS];
    popper_arg args[NTHREADS / 2];
    for (int i = 0; i < NTHREADS / 2; i++) {
        th[i] = th_start(append_body, l);
        args[i] = (popper_arg){l, 0, 0};
        th[NTHREADS / 2 + i] = th_start(pop_body, &args[i]);
    }
    for (int i = 0; i < NTHREADS; i++) {
        th_join(th[i]);
    }
    long popped = 0, sum = 0;
    for (int i = 0; i < NTHREADS / 2; i++) {
        popped += args[i].popped;
        sum += args[i].sum;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(l); i++) {
        sum += PyLong_AsLong(PyList_GET_ITEM(l, i));
    }
    /* Nothing lost, nothing duplicated. */
    cr_assert_eq(popped + PyList_GET_SIZE(l), (long)(NTHREADS / 2) * PER_THREAD);
    cr_assert_eq(sum, (long)(NTHREADS / 2) * ((long)PER_THREAD * (PER_THREAD - 1) / 2));
    Py_DECREF(l);
}

/* ---- randomised checks against a plain C model ----------------------------- */

static unsigned long rng_state = 88172645463325252UL;
static long
rnd(long n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (long)(rng_state % (unsigned long)n);
}

static PyObject *
key_first(PyObject *self, PyObject *pair)
{
    return Py_NewRef(PyTuple_GET_ITEM(pair, 0));
}
static PyMethodDef key_first_def = {"key_first", key_first, METH_O, NULL};

Test(list, sort_stability_random)
{
    PyObject *key = PyCFunction_New(&key_first_def, NULL);
    for (int round = 0; round < 20; round++) {
        long n = 1 + rnd(3000);
        long range = 1 + rnd(50);
        int reverse = round & 1;
        PyObject *l = PyList_New(n);
        for (long i = 0; i < n; i++) {
            PyList_SET_ITEM(l, i, Py_BuildValue("(ll)", rnd(range), i));
        }
        cr_assert_not_null(sort_kw(l, key, reverse));
        for (long i = 1; i < n; i++) {
            long k0 = PyLong_AsLong(PyTuple_GET_ITEM(PyList_GET_ITEM(l, i - 1), 0));
            long k1 = PyLong_AsLong(PyTuple_GET_ITEM(PyList_GET_ITEM(l, i), 0));
            long i0 = PyLong_AsLong(PyTuple_GET_ITEM(PyList_GET_ITEM(l, i - 1), 1));
            long i1 = PyLong_AsLong(PyTuple_GET_ITEM(PyList_GET_ITEM(l, i), 1));
            if (reverse) {
                cr_assert(k0 > k1 || (k0 == k1 && i0 < i1), "round %d at %ld", round, i);
            }
            else {
                cr_assert(k0 < k1 || (k0 == k1 && i0 < i1), "round %d at %ld", round, i);
            }
        }
        Py_DECREF(l);
    }
    Py_DECREF(key);
}

Test(list, random_mutations_match_model)
{
    enum { CAP = 4096 };
    static long model[CAP];
    long n = 0;
    PyObject *l = PyList_New(0);
    for (int op = 0; op < 20000; op++) {
        long a = n ? rnd(n + 1) : 0, b = n ? rnd(n + 1) : 0;
        if (a > b) {
            long t = a;
            a = b;
            b = t;
        }
        switch (rnd(6)) {
        case 0:  /* append */
            if (n < CAP - 1) {
                PyObject *x = PyLong_FromLong(op);
                PyList_Append(l, x);
                Py_DECREF(x);
                model[n++] = op;
            }
            break;
        case 1: {  /* insert */
            if (n < CAP - 1) {
                PyObject *x = PyLong_FromLong(op);
                PyList_Insert(l, a, x);
                Py_DECREF(x);
                memmove(&model[a + 1], &model[a], (size_t)(n - a) * sizeof(long));
                model[a] = op;
                n++;
            }
            break;
        }
        case 2:  /* del l[a:b] */
            cr_assert_eq(PyList_SetSlice(l, a, b, NULL), 0);
            memmove(&model[a], &model[b], (size_t)(n - b) * sizeof(long));
            n -= b - a;
            break;
        case 3: {  /* l[a:b] = k new items */
            long k = rnd(8);
            if (n - (b - a) + k < CAP) {
                PyObject *v = PyList_New(k);
                for (long i = 0; i < k; i++) {
                    PyList_SET_ITEM(v, i, PyLong_FromLong(-op - i));
                }
                cr_assert_eq(PyList_SetSlice(l, a, b, v), 0);
                Py_DECREF(v);
                memmove(&model[a + k], &model[b], (size_t)(n - b) * sizeof(long));
                for (long i = 0; i < k; i++) {
                    model[a + i] = -op - i;
                }
                n += k - (b - a);
            }
            break;
        }
        case 4: {  /* del l[a:b:step] */
            long step = 1 + rnd(4);
            cr_assert_eq(setslice(l, a, b, step, NULL), 0);
            long w = a;
            for (long i = a; i < n; i++) {
                if (i < b && (i - a) % step == 0) {
                    continue;
                }
                model[w++] = model[i];
            }
            n = w;
            break;
        }
        default:  /* pop(a) */
            if (n > 0) {
                long i = rnd(n);
                PyObject *x = PyObject_CallMethod(l, "pop", "l", i);
                cr_assert_eq(PyLong_AsLong(x), model[i]);
                Py_DECREF(x);
                memmove(&model[i], &model[i + 1], (size_t)(n - i - 1) * sizeof(long));
                n--;
            }
            break;
        }
        cr_assert_eq(PyList_GET_SIZE(l), n, "op %d", op);
    }
    for (long i = 0; i < n; i++) {
        cr_assert_eq(PyLong_AsLong(PyList_GET_ITEM(l, i)), model[i]);
    }
    Py_DECREF(l);
}

/* Threads sharing one iterator: every item comes out exactly once. */
typedef struct {
    PyObject *it;
    long count;
    long sum;
} shared_iter_arg;

static void
drain_body(void *raw)
{
    shared_iter_arg *a = raw;
    PyObject *x;
    while ((x = PyIter_Next(a->it)) != NULL) {
        a->count++;
        a->sum += PyLong_AsLong(x);
        Py_DECREF(x);
    }
}

Test(list, threads_share_one_iterator, .timeout = 120)
{
    enum { n = 100000, nth = 4 };
    PyObject *l = range_list(n);
    PyObject *it = PyObject_GetIter(l);
    shared_iter_arg args[nth];
    pthread_t th[nth];
    for (int i = 0; i < nth; i++) {
        args[i] = (shared_iter_arg){it, 0, 0};
        th[i] = th_start(drain_body, &args[i]);
    }
    long count = 0, sum = 0;
    for (int i = 0; i < nth; i++) {
        th_join(th[i]);
        count += args[i].count;
        sum += args[i].sum;
    }
    cr_assert_eq(count, n);
    cr_assert_eq(sum, (long)n * (n - 1) / 2);
    Py_DECREF(it);
    Py_DECREF(l);
}

Test(list, sizeof_matches_cpython_allocation)
{
    /* sys.getsizeof pattern from CPython: allocated slots after each step. */
    PyObject *l = PyList_New(0);
    long expect[] = {4, 4, 4, 4, 8, 8, 8, 8, 16, 16};
    for (int i = 0; i < 10; i++) {
        PyList_Append(l, Py_None);
        cr_assert_eq(((PyListObject *)l)->allocated, expect[i], "after %d appends", i + 1);
    }
    PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 10);
    PyObject *l2 = PySequence_List(r);
    cr_assert_eq(((PyListObject *)l2)->allocated, 10);
    PyObject *it = PyObject_GetIter(r);
    PyObject *l3 = PyObject_CallOneArg((PyObject *)&PyList_Type, it);
    cr_assert_eq(((PyListObject *)l3)->allocated, 10);
}
