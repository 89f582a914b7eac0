/* test_refcount_nonowner.c: the out-of-line non-owner paths of reference
 * counting (Objects/refcount.c: _Py_IncRefNonOwner, _Py_DecRefNonOwner,
 * _Py_TryIncrefNonOwner), free-threaded build.  The inline Py_INCREF and
 * Py_DECREF handle only the owner; everything else must land in the right
 * count: nothing for immortal objects, the thread's array for deferred
 * ones, the atomic shared count otherwise. */
#include "weft_test.h"
#include "thread_helpers.h"
#include "pycore_gc.h"

TestSuite(refcount_nonowner, .init = weft_setup);

#ifdef Py_GIL_DISABLED
#include <pthread.h>


static void incref_twice(PyObject *op) { Py_INCREF(op); Py_INCREF(op); }
static void decref_once(PyObject *op) { Py_DECREF(op); }
static void incref_decref(PyObject *op) { Py_INCREF(op); Py_DECREF(op); }

Test(refcount_nonowner, shared_count_for_foreign_objects)
{
    PyObject *op = PyList_New(0);
    cr_assert_eq(op->ob_ref_local, 1);
    on_other_thread(incref_twice, op);
    cr_assert_eq(op->ob_ref_local, 1, "the owner's count is the owner's only");
    /* The other thread counted in its foreign table (the object flagged)
     * and handed the count back to the shared field when it exited. */
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(2, 0) | _Py_REF_FOREIGN);
    cr_assert_eq(Py_REFCNT(op), 3);
    on_other_thread(decref_once, op);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(1, 0) | _Py_REF_FOREIGN);
    on_other_thread(decref_once, op);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(0, 0) | _Py_REF_FOREIGN);
    cr_assert_eq(Py_REFCNT(op), 1);
    /* No table holds it any more, so nothing settles it, but a collection
     * clears the stale flag of a tracked object. */
    _PyGC_SettleForeign(_PyThreadState_GET());
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(0, 0) | _Py_REF_FOREIGN);
    _PyGC_Collect(_PyThreadState_GET(), 2, "manual");
    cr_assert_eq(op->ob_ref_shared, _Py_REF_SHARED(0, 0));
    Py_DECREF(op);
}

Test(refcount_nonowner, immortal_objects_untouched)
{
    PyObject *op = Py_None;
    Py_ssize_t shared = op->ob_ref_shared;
    on_other_thread(incref_twice, op);
    on_other_thread(decref_once, op);
    cr_assert_eq(op->ob_ref_local, _Py_IMMORTAL_REFCNT_LOCAL);
    cr_assert_eq(op->ob_ref_shared, shared);
    /* Made immortal at run time: no owner any more, so even the thread
     * that created it takes the non-owner path, which does nothing. */
    PyObject *l = PyList_New(0);
    _Py_SetImmortal(l);
    Py_INCREF(l);
    Py_DECREF(l);
    cr_assert_eq(l->ob_ref_local, _Py_IMMORTAL_REFCNT_LOCAL);
    cr_assert_eq(l->ob_ref_shared, 0);
    cr_assert(_Py_TryIncref(l));
    cr_assert_eq(l->ob_ref_shared, 0);
}

Test(refcount_nonowner, deferred_objects_use_the_thread_array)
{
    PyObject *op = PyList_New(0);
    _PyObject_SetDeferredRefcount(op);
    cr_assert(_PyObject_HasDeferredRefcount(op));
    Py_ssize_t shared = op->ob_ref_shared;
    /* Leaves its +1 in its own array, handed back when it exits. */
    on_other_thread(incref_decref, op);
    cr_assert_eq(op->ob_ref_shared, shared, "balanced: nothing handed back");
    on_other_thread(incref_twice, op);
    cr_assert_eq(op->ob_ref_shared, shared + (2 << _Py_REF_SHARED_SHIFT),
                 "the exiting thread hands its counts back");
    on_other_thread(decref_once, op);
    on_other_thread(decref_once, op);
    cr_assert_eq(op->ob_ref_shared, shared);
}

static void
try_incref_then_drop(PyObject *op)
{
    cr_assert(_Py_TryIncref(op));
    PyObject *slot = op;
    cr_assert(_Py_TryIncrefCompare(&slot, op));
    PyObject *other = Py_None;
    cr_assert_not(_Py_TryIncrefCompare(&other, op), "slot changed: refused");
    Py_DECREF(op);
    Py_DECREF(op);
}

Test(refcount_nonowner, try_incref_on_foreign_objects)
{
    PyObject *op = PyList_New(0);
    /* Possibly shared (as containers mark it), so a non-owner may take a
     * reference without the owner's help. */
    _Py_atomic_or_ssize(&op->ob_ref_shared, _Py_REF_MAYBE_WEAKREF);
    on_other_thread(try_incref_then_drop, op);
    cr_assert_eq(op->ob_ref_shared, _Py_REF_MAYBE_WEAKREF, "everything given back");
    cr_assert_eq(Py_REFCNT(op), 1);
    Py_DECREF(op);
}

#endif /* Py_GIL_DISABLED */
