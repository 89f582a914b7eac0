/* test_thread_module.c: the _thread module (Modules/_threadmodule.c) through
 * the C API: locks, RLocks, start_new_thread with many threads contending
 * for one lock, thread-local attributes, and the error messages. */
#include "weft_test.h"
#include "pythread.h"
#include <unistd.h>

PyMODINIT_FUNC PyInit__thread(void);

static PyObject *
load_thread_module(void)
{
    PyObject *def = PyInit__thread();
    cr_assert_not_null(def);
    PyObject *spec = PyModule_New("spec");
    cr_assert_not_null(spec);
    PyObject *name = PyUnicode_FromString("_thread");
    cr_assert_eq(PyObject_SetAttrString(spec, "name", name), 0);
    PyObject *m = PyModule_FromDefAndSpec2((PyModuleDef *)def, spec, 1013);
    cr_assert_not_null(m);
    cr_assert_eq(PyModule_ExecDef(m, (PyModuleDef *)def), 0);
    Py_DECREF(name);
    Py_DECREF(spec);
    return m;
}

static PyObject *
call(PyObject *obj, const char *meth, PyObject *args, PyObject *kwargs)
{
    PyObject *f = PyObject_GetAttrString(obj, meth);
    cr_assert_not_null(f, "no attribute %s", meth);
    PyObject *a = args != NULL ? args : PyTuple_New(0);
    PyObject *r = PyObject_Call(f, a, kwargs);
    if (args == NULL) {
        Py_DECREF(a);
    }
    Py_DECREF(f);
    return r;
}

/* Wait (detached, so other threads run in the default build) until every
 * thread started through _thread has finished. */
static void
wait_threads_done(PyObject *m)
{
    for (int i = 0; i < 20000; i++) {
        PyObject *n = call(m, "_count", NULL, NULL);
        long v = PyLong_AsLong(n);
        Py_DECREF(n);
        if (v == 0) {
            return;
        }
        Py_BEGIN_ALLOW_THREADS
        usleep(1000);
        Py_END_ALLOW_THREADS
    }
    cr_assert_fail("threads did not finish");
}

TestSuite(thread_module, .init = weft_setup);

Test(thread_module, lock_basics)
{
    PyObject *m = load_thread_module();
    PyObject *lock = call(m, "allocate_lock", NULL, NULL);
    cr_assert_not_null(lock);
    cr_assert_str_eq(Py_TYPE(lock)->tp_name, "_thread.lock");
    cr_assert_eq(call(lock, "locked", NULL, NULL), Py_False);
    cr_assert_eq(call(lock, "acquire", NULL, NULL), Py_True);
    cr_assert_eq(call(lock, "locked", NULL, NULL), Py_True);
    /* Held: a non-blocking and a timed acquire both fail. */
    cr_assert_eq(call(lock, "acquire", Py_BuildValue("(i)", 0), NULL), Py_False);
    cr_assert_eq(call(lock, "acquire", Py_BuildValue("(id)", 1, 0.02), NULL), Py_False);
    cr_assert_not_null(call(lock, "release", NULL, NULL));
    cr_assert_null(call(lock, "release", NULL, NULL));
    cr_assert_str_eq(weft_error_utf8(), "RuntimeError: release unlocked lock");
    PyErr_Clear();
    cr_assert_null(call(lock, "acquire", Py_BuildValue("(id)", 0, 1.0), NULL));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: can't specify a timeout for a non-blocking call");
    PyErr_Clear();
    cr_assert_null(call(lock, "acquire", Py_BuildValue("(id)", 1, -5.0), NULL));
    cr_assert_str_eq(weft_error_utf8(), "ValueError: timeout value must be a non-negative number");
    PyErr_Clear();
}

Test(thread_module, rlock_is_reentrant_and_owned)
{
    PyObject *m = load_thread_module();
    PyObject *rl = call(m, "RLock", NULL, NULL);
    cr_assert_not_null(rl);
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(call(rl, "acquire", NULL, NULL), Py_True);
    }
    PyObject *n = call(rl, "_recursion_count", NULL, NULL);
    cr_assert_eq(PyLong_AsLong(n), 3);
    PyObject *saved = call(rl, "_release_save", NULL, NULL);
    cr_assert_not_null(saved);
    cr_assert_eq(call(rl, "_is_owned", NULL, NULL), Py_False);
    cr_assert_not_null(call(rl, "_acquire_restore", Py_BuildValue("(O)", saved), NULL));
    for (int i = 0; i < 3; i++) {
        cr_assert_not_null(call(rl, "release", NULL, NULL));
    }
    cr_assert_null(call(rl, "release", NULL, NULL));
    cr_assert_str_eq(weft_error_utf8(), "RuntimeError: cannot release un-acquired lock");
    PyErr_Clear();
}

/* Each worker does `rounds` read-modify-write steps on a plain C counter,
 * each under the shared _thread lock: no update may be lost. */
static long shared_counter;

static PyObject *
worker(PyObject *self, PyObject *args)
{
    PyObject *lock;
    int rounds;
    if (!PyArg_ParseTuple(args, "Oi", &lock, &rounds)) {
        return NULL;
    }
    for (int i = 0; i < rounds; i++) {
        PyObject *r = call(lock, "acquire", NULL, NULL);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
        long v = shared_counter;
        if ((i & 63) == 0) {
            /* Give the others a chance to run inside the critical region. */
            Py_BEGIN_ALLOW_THREADS
            sched_yield();
            Py_END_ALLOW_THREADS
        }
        shared_counter = v + 1;
        r = call(lock, "release", NULL, NULL);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyMethodDef worker_def = {"worker", worker, METH_VARARGS, NULL};

Test(thread_module, many_threads_one_lock_no_lost_update, .timeout = 120)
{
    PyObject *m = load_thread_module();
    PyObject *lock = call(m, "allocate_lock", NULL, NULL);
    PyObject *fn = PyCFunction_New(&worker_def, NULL);
    enum { NTHREADS = 8, ROUNDS = 5000 };
    shared_counter = 0;
    for (int i = 0; i < NTHREADS; i++) {
        PyObject *args = Py_BuildValue("(O(Oi))", fn, lock, ROUNDS);
        PyObject *ident = call(m, "start_new_thread", args, NULL);
        cr_assert_not_null(ident);
        cr_assert(PyLong_AsUnsignedLong(ident) != PyThread_get_thread_ident());
        Py_DECREF(args);
        Py_DECREF(ident);
    }
    wait_threads_done(m);
    cr_assert_eq(shared_counter, (long)NTHREADS * ROUNDS);
    cr_assert_eq(call(lock, "locked", NULL, NULL), Py_False);
}

static PyObject *
local_worker(PyObject *self, PyObject *args)
{
    PyObject *local, *results;
    if (!PyArg_ParseTuple(args, "OO", &local, &results)) {
        return NULL;
    }
    /* The main thread's attribute is not visible here. */
    PyObject *v = PyObject_GetAttrString(local, "x");
    int missing = v == NULL && PyErr_ExceptionMatches(PyExc_AttributeError);
    PyErr_Clear();
    Py_XDECREF(v);
    PyObject *mine = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
    if (PyObject_SetAttrString(local, "x", mine) < 0) {
        return NULL;
    }
    v = PyObject_GetAttrString(local, "x");
    int same = v == mine;
    Py_XDECREF(v);
    Py_DECREF(mine);
    PyObject *ok = PyBool_FromLong(missing && same);
    int r = PyList_Append(results, ok);
    Py_DECREF(ok);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef local_worker_def = {"local_worker", local_worker, METH_VARARGS, NULL};

Test(thread_module, local_attributes_are_per_thread, .timeout = 60)
{
    PyObject *m = load_thread_module();
    PyObject *local = call(m, "_local", NULL, NULL);
    cr_assert_not_null(local);
    PyObject *main_val = PyUnicode_FromString("main");
    cr_assert_eq(PyObject_SetAttrString(local, "x", main_val), 0);
    PyObject *results = PyList_New(0);
    PyObject *fn = PyCFunction_New(&local_worker_def, NULL);
    for (int i = 0; i < 4; i++) {
        PyObject *args = Py_BuildValue("(O(OO))", fn, local, results);
        cr_assert_not_null(call(m, "start_new_thread", args, NULL));
        Py_DECREF(args);
    }
    wait_threads_done(m);
    cr_assert_eq(PyList_GET_SIZE(results), 4);
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(PyList_GET_ITEM(results, i), Py_True);
    }
    PyObject *v = PyObject_GetAttrString(local, "x");
    cr_assert_eq(v, main_val);
    /* Arguments need an __init__ that takes them. */
    cr_assert_null(call(m, "_local", Py_BuildValue("(i)", 1), NULL));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: Initialization arguments are not supported");
    PyErr_Clear();
}

Test(thread_module, start_new_thread_argument_errors)
{
    PyObject *m = load_thread_module();
    cr_assert_null(call(m, "start_new_thread", Py_BuildValue("(iO)", 1, PyTuple_New(0)), NULL));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: first arg must be callable");
    PyErr_Clear();
    PyObject *fn = PyCFunction_New(&worker_def, NULL);
    cr_assert_null(call(m, "start_new_thread", Py_BuildValue("(Oi)", fn, 1), NULL));
    cr_assert_str_eq(weft_error_utf8(), "TypeError: 2nd arg must be a tuple");
    PyErr_Clear();
}
