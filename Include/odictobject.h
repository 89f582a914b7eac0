/* odictobject.h: collections.OrderedDict, a dict subclass that keeps its
 * own order (a doubly-linked list of nodes with a hash index on the side),
 * so that move_to_end and popitem(last=False) are O(1).  In the
 * free-threaded build each operation runs under the object's critical
 * section, so the dict part and the order change together.
 * Implementation: Objects/odictobject.c; exported by Modules/_collectionsmodule.c. */
#ifndef Py_ODICTOBJECT_H
#define Py_ODICTOBJECT_H

#include "dictobject.h"

PyAPI_DATA(PyTypeObject) PyODict_Type;
PyAPI_DATA(PyTypeObject) PyODictIter_Type;
PyAPI_DATA(PyTypeObject) PyODictKeys_Type;
PyAPI_DATA(PyTypeObject) PyODictItems_Type;
PyAPI_DATA(PyTypeObject) PyODictValues_Type;

#define PyODict_Check(op) PyObject_TypeCheck((op), &PyODict_Type)
#define PyODict_CheckExact(op) Py_IS_TYPE((op), &PyODict_Type)
#define PyODict_SIZE(op) PyDict_GET_SIZE((op))

PyAPI_FUNC(PyObject *) PyODict_New(void);
PyAPI_FUNC(int) PyODict_SetItem(PyObject *od, PyObject *key, PyObject *item);
PyAPI_FUNC(int) PyODict_DelItem(PyObject *od, PyObject *key);

#endif /* Py_ODICTOBJECT_H */
