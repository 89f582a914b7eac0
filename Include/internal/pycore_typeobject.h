/* pycore_typeobject.h: what Objects/typeobject.c and Objects/typeslots.c
 * share: the slot table that maps dunder names to type slots, and the
 * helpers to call a special method looked up on the type.
 * Implementation: Objects/typeslots.c (slots), Objects/typeobject.c. */
#ifndef Py_INTERNAL_TYPEOBJECT_H
#define Py_INTERNAL_TYPEOBJECT_H

#include "Python.h"
#include "pycore_object.h"

/* typeslots.c */
extern int _PyType_InitSlotDefs(void);
/* Add wrapper descriptors (int.__add__ ...) for the slots `type` fills
 * itself; called by PyType_Ready before inheritance. */
extern int _PyType_AddOperators(PyTypeObject *type);
/* Point every slot of a class created by Python code at the dunder
 * methods found along its MRO. */
extern void _PyType_FixupSlotDispatchers(PyTypeObject *type);
/* After `name` changed on `type`: refresh the slots that map to it on the
 * type and its subclasses.  0 if `name` is not a slot name. */
extern int _PyType_UpdateSlot(PyTypeObject *type, PyObject *name);
extern PyObject *_PyType_tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);
extern PyMethodDef _PyType_tp_new_methoddef;

/* Call type(self).<name>(self, *args): NULL with AttributeError if absent. */
extern PyObject *_PyType_CallMethod(PyObject *self, PyObject *name,
                                    PyObject *const *args, Py_ssize_t nargs);

/* typeobject.c */
extern PyObject *_PyType_GetSubclassesList(PyTypeObject *type);  /* new tuple */
extern void _PyType_AssignVersionTag(PyTypeObject *type);
extern PyObject *_PyObject_SlotNew(PyTypeObject *type, PyObject *args, PyObject *kwds);
extern int _PyObject_InitDefault(PyObject *self, PyObject *args, PyObject *kwds);
extern PyObject *_PyObject_NewDefault(PyTypeObject *type, PyObject *args, PyObject *kwds);

#endif /* Py_INTERNAL_TYPEOBJECT_H */
