/* freelist.c: emptying the per-thread free lists of pycore_freelist.h when
 * their thread state goes away.  The push/pop fast paths are inline in the
 * header; the types (floatobject.c, tupleobject.c, ...) use them. */
#include "Python.h"
#include "pycore_freelist.h"

_Thread_local struct _Py_freelists *_Py_tls_freelists = NULL;

static Py_ssize_t cleared_total;   /* atomic */

/* Release every block of one list; `gc` says the blocks are GC objects,
 * whose memory starts at the PyGC_Head in front of them. */
static Py_ssize_t
clear_list(struct _Py_freelist *fl, int gc)
{
    Py_ssize_t n = 0;
    void *obj;
    while ((obj = _Py_freelist_pop(fl)) != NULL) {
        PyObject_Free(gc ? (void *)_Py_AS_GC((PyObject *)obj) : obj);
        n++;
    }
    return n;
}

Py_ssize_t
_Py_freelists_Clear(struct _Py_freelists *fls)
{
    if (fls == NULL) {
        return 0;
    }
    Py_ssize_t n = clear_list(&fls->floats, 0);
    for (int i = 0; i < _Py_TUPLE_MAXSAVESIZE; i++) {
        n += clear_list(&fls->tuples[i], 1);
    }
    n += clear_list(&fls->lists, 1);
    n += clear_list(&fls->dicts, 1);
    n += clear_list(&fls->slices, 1);
    n += clear_list(&fls->rangeiters, 0);
    if (n > 0) {
        _Py_atomic_add_ssize(&cleared_total, n);
    }
    return n;
}

Py_ssize_t
_Py_freelists_ClearedTotal(void)
{
    return _Py_atomic_load_ssize(&cleared_total);
}
