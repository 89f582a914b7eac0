/* genericaliasobject.h: types.GenericAlias (PEP 585: list[int], dict[str, int])
 * and the __class_getitem__ helper the built-in containers use. */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H

/* origin[args]: args may be a single object or a tuple. */
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *origin, PyObject *args);
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;

#endif /* Py_GENERICALIASOBJECT_H */
