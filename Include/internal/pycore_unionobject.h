/* pycore_unionobject.h: types.UnionType (PEP 604: int | str). */
#ifndef Py_INTERNAL_UNIONOBJECT_H
#define Py_INTERNAL_UNIONOBJECT_H

PyAPI_DATA(PyTypeObject) _PyUnion_Type;
#define _PyUnion_Check(op) Py_IS_TYPE((op), &_PyUnion_Type)

/* a | b for types, None, generic aliases and unions (NotImplemented for
 * anything else); type.__or__ and GenericAlias.__or__ call it. */
PyAPI_FUNC(PyObject *) _Py_union_type_or(PyObject *a, PyObject *b);
/* The __args__ tuple of a union (borrowed). */
PyAPI_FUNC(PyObject *) _Py_union_args(PyObject *self);
/* The repr of one item as in a generic alias or union: "int", "list[int]",
 * "...", "module.Class". */
PyAPI_FUNC(PyObject *) _Py_typing_item_repr(PyObject *p);
/* The TypeVar-like parameters of args, in order, without duplicates. */
PyAPI_FUNC(PyObject *) _Py_make_parameters(PyObject *args);
PyAPI_FUNC(PyObject *) _Py_subs_parameters(PyObject *self, PyObject *args, PyObject *params,
                                           PyObject *item);

#endif
