/* cellobject.h: cells, the boxes that hold variables shared between a
 * function and the functions nested in it (closures).  A cell is mutable:
 * in the free-threaded build writes take the cell's lock and reads take
 * none (PyCell_GetRef / PyCell_SetTakeRef, Include/internal/pycore_cell.h).
 * Implementation: Objects/cellobject.c. */
#ifndef Py_CELLOBJECT_H
#define Py_CELLOBJECT_H

typedef struct {
    PyObject_HEAD
    PyObject *ob_ref;            /* contents, NULL when empty */
} PyCellObject;

PyAPI_DATA(PyTypeObject) PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)

PyAPI_FUNC(PyObject *) PyCell_New(PyObject *obj);
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *cell);        /* new ref or NULL */
PyAPI_FUNC(int) PyCell_Set(PyObject *cell, PyObject *value);

#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)

#endif /* Py_CELLOBJECT_H */
