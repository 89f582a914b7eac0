/* descrobject.h: descriptors.  The objects that type dicts hold for
 * methods (method_descriptor, classmethod_descriptor), for C struct members
 * (member_descriptor), for computed attributes (getset_descriptor), for
 * slots (wrapper_descriptor, e.g. int.__add__) and the Python-level
 * property / classmethod / staticmethod, plus mappingproxy (the read-only
 * view behind type.__dict__).  PyMemberDef lives here (as in CPython 3.12+);
 * structmember.h keeps the old T_* names.
 * Implementation: Objects/descrobject.c. */
#ifndef Py_DESCROBJECT_H
#define Py_DESCROBJECT_H

#include "object.h"
#include "methodobject.h"

typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);

struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;          /* NULL: read-only */
    const char *doc;
    void *closure;
};
typedef struct PyGetSetDef PyGetSetDef;

struct PyMemberDef {
    const char *name;
    int type;            /* Py_T_* */
    Py_ssize_t offset;   /* of the field in the instance */
    int flags;           /* Py_READONLY, ... */
    const char *doc;
};
typedef struct PyMemberDef PyMemberDef;

/* PyMemberDef types. */
#define Py_T_SHORT      0
#define Py_T_INT        1
#define Py_T_LONG       2
#define Py_T_FLOAT      3
#define Py_T_DOUBLE     4
#define Py_T_STRING     5
#define _Py_T_OBJECT    6    /* None when NULL */
#define Py_T_CHAR       7
#define Py_T_BYTE       8
#define Py_T_UBYTE      9
#define Py_T_UINT       10
#define Py_T_USHORT     11
#define Py_T_ULONG      12
#define Py_T_STRING_INPLACE 13
#define Py_T_BOOL       14
#define Py_T_OBJECT_EX  16   /* AttributeError when NULL */
#define Py_T_LONGLONG   17
#define Py_T_ULONGLONG  18
#define Py_T_PYSSIZET   19
#define _Py_T_NONE      20   /* always None, read-only */

/* PyMemberDef flags. */
#define Py_READONLY            1
#define Py_AUDIT_READ          2
#define _Py_WRITE_RESTRICTED   4
#define Py_RELATIVE_OFFSET     8

PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *obj_addr, PyMemberDef *m);
PyAPI_FUNC(int) PyMember_SetOne(char *obj_addr, PyMemberDef *m, PyObject *o);

/* Slot wrappers: one table entry per dunder that maps to a slot. */
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args, void *wrapped);
typedef PyObject *(*wrapperfunc_kwds)(PyObject *self, PyObject *args, void *wrapped,
                                      PyObject *kwds);

struct wrapperbase {
    const char *name;
    int offset;           /* of the slot in the (heap) type object */
    void *function;       /* slot function installed for Python classes */
    wrapperfunc wrapper;  /* calls the slot for a wrapper_descriptor */
    const char *doc;
    int flags;
    PyObject *name_strobj;
};
#define PyWrapperFlag_KEYWORDS 1   /* wrapper takes keywords */

/* The common part of every descriptor. */
#define PyDescr_COMMON             \
    PyObject_HEAD                  \
    PyTypeObject *d_type;          \
    PyObject *d_name;              \
    PyObject *d_qualname

typedef struct {
    PyDescr_COMMON;
} PyDescrObject;

typedef struct {
    PyDescr_COMMON;
    PyMethodDef *d_method;
    vectorcallfunc vectorcall;
} PyMethodDescrObject;

typedef struct {
    PyDescr_COMMON;
    PyMemberDef *d_member;
} PyMemberDescrObject;

typedef struct {
    PyDescr_COMMON;
    PyGetSetDef *d_getset;
} PyGetSetDescrObject;

typedef struct {
    PyDescr_COMMON;
    struct wrapperbase *d_base;
    void *d_wrapped;      /* the slot function this wrapper calls */
} PyWrapperDescrObject;

#define PyDescr_TYPE(x) (((PyDescrObject *)(x))->d_type)
#define PyDescr_NAME(x) (((PyDescrObject *)(x))->d_name)

PyAPI_DATA(PyTypeObject) PyClassMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyGetSetDescr_Type;
PyAPI_DATA(PyTypeObject) PyMemberDescr_Type;
PyAPI_DATA(PyTypeObject) PyMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyWrapperDescr_Type;
PyAPI_DATA(PyTypeObject) PyDictProxy_Type;
PyAPI_DATA(PyTypeObject) _PyMethodWrapper_Type;
PyAPI_DATA(PyTypeObject) PyProperty_Type;
PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;

PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member);
PyAPI_FUNC(PyObject *) PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset);
PyAPI_FUNC(PyObject *) PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base,
                                          void *wrapped);
#define PyDescr_IsData(d) (Py_TYPE(d)->tp_descr_set != NULL)

/* A read-only view of a mapping (type.__dict__). */
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *mapping);
/* A wrapper descriptor bound to an instance (e.g. (1).__add__). */
PyAPI_FUNC(PyObject *) PyWrapper_New(PyObject *descr, PyObject *self);

PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *callable);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *callable);

#endif /* Py_DESCROBJECT_H */
