/* test_freelist.c: the per-thread free lists of pycore_freelist.h: push/pop
 * and the length limit, reuse by float/tuple/list/dict (GC header reset,
 * untracked while on a list, the collector's count unchanged), lists
 * emptied when a thread state is deleted, and an object freed by another
 * thread going to that thread's list. */
#include "weft_test.h"
#include "pycore_freelist.h"
#include "pycore_gc.h"
#include <pthread.h>

TestSuite(freelist, .init = weft_setup);

static struct _Py_freelists *
my_lists(void)
{
    struct _Py_freelists *fls = _Py_freelists_GET();
    cr_assert_not_null(fls, "an attached thread has free lists");
    return fls;
}

Test(freelist, push_pop_lifo_and_limit)
{
    struct _Py_freelist fl = {NULL, 0};
    void *blocks[4][2];   /* each block needs room for the link word */
    cr_assert_null(_Py_freelist_pop(&fl));
    cr_assert(_Py_freelist_push(&fl, blocks[0], 3));
    cr_assert(_Py_freelist_push(&fl, blocks[1], 3));
    cr_assert(_Py_freelist_push(&fl, blocks[2], 3));
    cr_assert_not(_Py_freelist_push(&fl, blocks[3], 3), "a full list refuses");
    cr_assert_eq(fl.size, 3);
    cr_assert_eq(_Py_freelist_pop(&fl), (void *)blocks[2]);
    cr_assert_eq(_Py_freelist_pop(&fl), (void *)blocks[1]);
    cr_assert_eq(fl.size, 1);
    cr_assert(_Py_freelist_push(&fl, blocks[3], 3));
    cr_assert_eq(_Py_freelist_pop(&fl), (void *)blocks[3]);
    cr_assert_eq(_Py_freelist_pop(&fl), (void *)blocks[0]);
    cr_assert_null(_Py_freelist_pop(&fl));
    cr_assert_eq(fl.size, 0);
}

Test(freelist, float_reused_and_bounded)
{
    struct _Py_freelists *fls = my_lists();
    _Py_freelists_Clear(fls);
    PyObject *a = PyFloat_FromDouble(1.5);
    Py_DECREF(a);
    cr_assert_eq(fls->floats.size, 1);
    PyObject *b = PyFloat_FromDouble(2.5);
    cr_assert_eq(b, a, "the freed float's memory is reused");
    cr_assert_eq(fls->floats.size, 0);
    cr_assert_eq(PyFloat_AS_DOUBLE(b), 2.5);
    cr_assert_eq(Py_REFCNT(b), 1);
    cr_assert_eq(Py_TYPE(b), &PyFloat_Type);
    Py_DECREF(b);

    enum { N = _Py_FLOAT_MAXFREELIST + 50 };
    PyObject *fs[N];
    for (int i = 0; i < N; i++) {
        fs[i] = PyFloat_FromDouble(i);
    }
    for (int i = 0; i < N; i++) {
        cr_assert_eq(PyFloat_AS_DOUBLE(fs[i]), (double)i);
        Py_DECREF(fs[i]);
    }
    cr_assert_eq(fls->floats.size, _Py_FLOAT_MAXFREELIST);
    cr_assert_eq(_Py_freelists_Clear(fls), _Py_FLOAT_MAXFREELIST);
    cr_assert_eq(fls->floats.size, 0);
    cr_assert_null(fls->floats.head);
}

Test(freelist, tuple_per_size)
{
    struct _Py_freelists *fls = my_lists();
    _Py_freelists_Clear(fls);
    PyObject *x = PyFloat_FromDouble(7.0);
    PyObject *t3 = PyTuple_Pack(3, x, x, x);
    cr_assert(_PyObject_GC_IS_TRACKED(t3));
    Py_DECREF(t3);
    cr_assert_eq(fls->tuples[2].size, 1, "a 3-tuple goes on list [2]");
    cr_assert_eq(fls->tuples[1].size, 0);
    cr_assert_eq(Py_REFCNT(x), 1, "its items were released");

    /* Another size does not take it; the same size does. */
    PyObject *t2 = PyTuple_Pack(2, x, x);
    cr_assert_neq(t2, t3);
    PyObject *t3b = PyTuple_New(3);
    cr_assert_eq(t3b, t3, "the 3-tuple's memory is reused");
    cr_assert_eq(Py_SIZE(t3b), 3);
    cr_assert_null(PyTuple_GET_ITEM(t3b, 0));
    cr_assert(_PyObject_GC_IS_TRACKED(t3b));
    cr_assert_eq(_Py_AS_GC(t3b)->_gc_prev & _PyGC_PREV_MASK_FINALIZED, 0);
    Py_DECREF(t3b);
    Py_DECREF(t2);

    /* Over the largest kept size: freed as usual. */
    PyObject *big = PyTuple_New(_Py_TUPLE_MAXSAVESIZE + 1);
    Py_DECREF(big);
    Py_ssize_t total = 0;
    for (int i = 0; i < _Py_TUPLE_MAXSAVESIZE; i++) {
        total += fls->tuples[i].size;
    }
    cr_assert_eq(total, 2);
    cr_assert_eq(PyTuple_New(0), PyTuple_New(0), "the empty tuple stays a singleton");
    Py_DECREF(x);
}

Test(freelist, list_and_dict_structs_reused)
{
    struct _Py_freelists *fls = my_lists();
    _Py_freelists_Clear(fls);
    PyObject *l = PyList_New(0);
    for (int i = 0; i < 10; i++) {
        PyObject *v = PyFloat_FromDouble(i);
        PyList_Append(l, v);
        Py_DECREF(v);
    }
    Py_DECREF(l);
    cr_assert_eq(fls->lists.size, 1);
    PyObject *l2 = PyList_New(3);
    cr_assert_eq(l2, l);
    cr_assert_eq(PyList_GET_SIZE(l2), 3);
    cr_assert_null(PyList_GET_ITEM(l2, 2));
    cr_assert(_PyObject_GC_IS_TRACKED(l2));
    Py_DECREF(l2);

    PyObject *d = PyDict_New();
    for (int i = 0; i < 20; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(d, k, k);
        Py_DECREF(k);
    }
    Py_DECREF(d);
    cr_assert_eq(fls->dicts.size, 1);
    PyObject *d2 = PyDict_New();
    cr_assert_eq(d2, d);
    cr_assert_eq(PyDict_Size(d2), 0);
    cr_assert(_PyObject_GC_IS_TRACKED(d2));
    PyObject *k = PyLong_FromLong(5);
    cr_assert_eq(PyDict_SetItem(d2, k, k), 0);
    cr_assert_eq(PyDict_GetItem(d2, k), k);
    Py_DECREF(k);
    Py_DECREF(d2);
    weft_assert_repr(d2 = PyDict_New(), "{}");
    Py_DECREF(d2);
}

Test(freelist, slice_and_range_iterator_reused)
{
    struct _Py_freelists *fls = my_lists();
    _Py_freelists_Clear(fls);
    PyObject *one = PyLong_FromLong(1);
    PyObject *s1 = PySlice_New(one, NULL, NULL);
    Py_DECREF(s1);
    cr_assert_eq(fls->slices.size, 1);
    PyObject *s2 = PySlice_New(NULL, one, NULL);
    cr_assert_eq(s2, s1);
    cr_assert(_PyObject_GC_IS_TRACKED(s2));
    weft_assert_repr(s2, "slice(None, 1, None)");
    PyObject *s3 = PySlice_New(one, one, one);
    Py_DECREF(s3);
    Py_DECREF(s2);
    cr_assert_eq(fls->slices.size, _Py_SLICE_MAXFREELIST);
    Py_DECREF(one);

    PyObject *args = Py_BuildValue("(ii)", 3, 6);
    PyObject *r = PyObject_Call((PyObject *)&PyRange_Type, args, NULL);
    Py_DECREF(args);
    PyObject *it = PyObject_GetIter(r);
    PyObject *v = PyIter_Next(it);
    weft_assert_repr(v, "3");
    Py_DECREF(v);
    Py_DECREF(it);
    cr_assert_eq(fls->rangeiters.size, 1);
    PyObject *it2 = PyObject_GetIter(r);
    cr_assert_eq(it2, it);
    PyObject *l = PySequence_List(it2);
    weft_assert_repr(l, "[3, 4, 5]");
    Py_DECREF(l);
    Py_DECREF(it2);
    Py_DECREF(r);
}

/* Objects on the lists are untracked: the collector never sees them, and
 * taking/putting them counts like an allocation/free. */
Test(freelist, invisible_to_collector)
{
    struct _Py_freelists *fls = my_lists();
    _Py_freelists_Clear(fls);
    PyObject *t = PyTuple_New(4);
    PyObject *l = PyList_New(0);
    Py_DECREF(t);
    Py_DECREF(l);
    cr_assert_not(_PyObject_GC_IS_TRACKED(t));
    cr_assert_not(_PyObject_GC_IS_TRACKED(l));
    PyObject *objs = _PyGC_GetObjects(-1);
    cr_assert_not_null(objs);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(objs); i++) {
        PyObject *o = PyList_GET_ITEM(objs, i);
        cr_assert_neq(o, t, "a freed tuple is not a live object");
        cr_assert_neq(o, l);
    }
    Py_DECREF(objs);
}

/* ---- threads -------------------------------------------------------------- */

static PyThreadState *
worker_enter(void)
{
    PyThreadState *t = _PyThreadState_New(_PyInterpreterState_GET());
    cr_assert_not_null(t);
    _PyThreadState_Bind(t);
    _PyThreadState_Attach(t);
    return t;
}

static Py_ssize_t exiting_floats;

static void *
fill_and_exit(void *arg)
{
    PyThreadState *t = worker_enter();
    struct _Py_freelists *fls = _Py_freelists_GET();
    cr_assert_eq(fls, &t->freelists, "the thread's own lists");
    PyObject *fs[40];
    for (int i = 0; i < 40; i++) {
        fs[i] = PyFloat_FromDouble(i);
    }
    PyObject *tup = PyTuple_Pack(2, fs[0], fs[1]);
    Py_DECREF(tup);
    for (int i = 0; i < 40; i++) {
        Py_DECREF(fs[i]);
    }
    exiting_floats = fls->floats.size + fls->tuples[1].size;
    _PyThreadState_DeleteCurrent(t);
    cr_assert_null(_Py_freelists_GET(), "no lists once the state is gone");
    /* Without a thread state floats are still made and freed, unlisted. */
    return arg;
}

Test(freelist, thread_exit_empties_lists)
{
    PyThreadState *main_t = _PyThreadState_GET();
    Py_ssize_t before = _Py_freelists_ClearedTotal();
    pthread_t th;
    PyThreadState *save = PyEval_SaveThread();
    cr_assert_eq(pthread_create(&th, NULL, fill_and_exit, NULL), 0);
    pthread_join(th, NULL);
    PyEval_RestoreThread(save);
    cr_assert_eq(exiting_floats, 41);
    cr_assert_eq(_Py_freelists_ClearedTotal() - before, 41,
                 "every block on the exiting thread's lists was released");
    cr_assert_eq(_Py_freelists_GET(), &main_t->freelists);
}

/* An object freed by a thread other than its creator goes to the freeing
 * thread's list, and a thread popping another's memory owns the object. */
static PyObject *handed;          /* written before the worker starts */
static int handed_on_worker_list;
static int reused_owned_by_worker;

static void *
drop_last_reference(void *arg)
{
    PyThreadState *t = worker_enter();
    struct _Py_freelists *fls = _Py_freelists_GET();
    Py_ssize_t before = fls->floats.size;
    Py_DECREF(handed);            /* the last reference: freed here */
    handed_on_worker_list = (fls->floats.size == before + 1 && fls->floats.head == handed);
    PyObject *f = PyFloat_FromDouble(9.0);
#ifdef Py_GIL_DISABLED
    reused_owned_by_worker = (f == handed && _Py_IsOwnedByCurrentThread(f));
#else
    reused_owned_by_worker = (f == handed);
#endif
    Py_DECREF(f);
    _PyThreadState_DeleteCurrent(t);
    return arg;
}

Test(freelist, freed_by_other_thread_goes_to_its_list)
{
    struct _Py_freelists *mine = my_lists();
    _Py_freelists_Clear(mine);
    handed = PyFloat_FromDouble(4.25);
#ifdef Py_GIL_DISABLED
    /* Give up ownership (counts merged, one reference), so the worker's
     * decref is the last one rather than a hand-back to this thread. */
    cr_assert_eq(_Py_ExplicitMergeRefcount(handed, 0), 1);
#endif
    pthread_t th;
    PyThreadState *save = PyEval_SaveThread();
    cr_assert_eq(pthread_create(&th, NULL, drop_last_reference, NULL), 0);
    pthread_join(th, NULL);
    PyEval_RestoreThread(save);
    cr_assert(handed_on_worker_list, "the freeing thread's list took it");
    cr_assert(reused_owned_by_worker);
    cr_assert_eq(mine->floats.size, 0, "the creator's list is untouched");
}
