/* cellobject.h: cells, the boxes that hold variables shared between a
 * function and the functions nested in it (closures).  A cell is mutable:
 * in the free-threaded build reads and writes go through the cell's lock
 * (PyCell_GetRef / PyCell_SetTakeRef).  Implementation: Objects/cellobject.c. */
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

/* Contents as a new reference (NULL if empty, no exception). */
static inline PyObject *PyCell_GetRef(PyCellObject *cell)
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(cell);
    res = Py_XNewRef(cell->ob_ref);
    Py_END_CRITICAL_SECTION();
    return res;
}
/* Store `value` (a reference is stolen; NULL empties it). */
static inline void PyCell_SetTakeRef(PyCellObject *cell, PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(cell);
    old = cell->ob_ref;
    cell->ob_ref = value;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)

#endif /* Py_CELLOBJECT_H */
