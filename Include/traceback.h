/* traceback.h: traceback objects (exc.__traceback__): one entry per frame
 * an exception passed through, and the printing of exceptions with their
 * tracebacks as CPython 3.13 prints them (PyErr_Display, PyErr_Print in
 * pyerrors.h).  Implementation: Python/traceback.c. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H

struct _frame;

typedef struct _traceback {
    PyObject_HEAD
    struct _traceback *tb_next;
    struct _frame *tb_frame;
    int tb_lasti;                /* instruction index */
    int tb_lineno;               /* -1: computed from tb_lasti */
} PyTracebackObject;

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(op) Py_IS_TYPE((op), &PyTraceBack_Type)

/* Add an entry for `frame` to the current exception's traceback. */
PyAPI_FUNC(int) PyTraceBack_Here(struct _frame *frame);
/* Print "Traceback (most recent call last):" and the entries to `file`
 * (a file object with write(), or NULL for sys.stderr). */
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *tb, PyObject *file);

/* PyTraceBack_Print without the ~~~^^^ lines, as CPython 3.13's C-level
 * printer (used for unraisable exceptions). */
PyAPI_FUNC(int) _PyTraceBack_PrintPlain(PyObject *tb, PyObject *file);

/* The text PyErr_Display would print for `exc`, as a str. */
PyAPI_FUNC(PyObject *) _PyErr_FormatException(PyObject *exc);

#endif /* Py_TRACEBACK_H */
