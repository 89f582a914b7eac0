/* methodobject.h: C functions callable from Python.  PyMethodDef describes
 * one (name, C function, calling convention flags, doc); a
 * PyCFunctionObject binds it to `self` (a module for module functions, the
 * instance for bound built-in methods).
 * Implementation: Objects/methodobject.c. */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H

#include "object.h"

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *,
                                                 Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *,
                               size_t, PyObject *);
/* Old names. */
typedef PyCFunctionFast _PyCFunctionFast;
typedef PyCFunctionFastWithKeywords _PyCFunctionFastWithKeywords;

/* Cast any of the above to PyCFunction for a PyMethodDef initialiser. */
#define _PyCFunction_CAST(func) ((PyCFunction)(void (*)(void))(func))

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;        /* METH_* */
    const char *ml_doc;
};
typedef struct PyMethodDef PyMethodDef;

/* Calling conventions (exactly one of the first group). */
#define METH_VARARGS  0x0001   /* f(self, args_tuple) */
#define METH_KEYWORDS 0x0002   /* with VARARGS: f(self, args, kwargs_dict) */
#define METH_NOARGS   0x0004   /* f(self, NULL) */
#define METH_O        0x0008   /* f(self, arg) */
#define METH_CLASS    0x0010   /* bound to the type (classmethod) */
#define METH_STATIC   0x0020   /* not bound (staticmethod) */
#define METH_COEXIST  0x0040   /* keep even if a slot wrapper has the name */
#define METH_FASTCALL 0x0080   /* f(self, args_array, nargs[, kwnames]) */
#define METH_STACKLESS 0x0000
#define METH_METHOD   0x0200   /* with FASTCALL|KEYWORDS: PyCMethod, gets the class */

typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;       /* bound object, or NULL */
    PyObject *m_module;     /* __module__ (any object) */
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class;  /* for METH_METHOD */
} PyCMethodObject;

PyAPI_DATA(PyTypeObject) PyCFunction_Type;
PyAPI_DATA(PyTypeObject) PyCMethod_Type;

#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyCFunction_Check(op) \
    (Py_IS_TYPE((op), &PyCFunction_Type) || Py_IS_TYPE((op), &PyCMethod_Type))
#define PyCMethod_Check(op) Py_IS_TYPE((op), &PyCMethod_Type)

PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *ml, PyObject *self);
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module);
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module,
                                     PyTypeObject *cls);
PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *op);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *op);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *op);

#define PyCFunction_GET_FUNCTION(func) (((PyCFunctionObject *)(func))->m_ml->ml_meth)
#define PyCFunction_GET_SELF(func) \
    ((((PyCFunctionObject *)(func))->m_ml->ml_flags & METH_STATIC) ? \
     NULL : ((PyCFunctionObject *)(func))->m_self)
#define PyCFunction_GET_FLAGS(func) (((PyCFunctionObject *)(func))->m_ml->ml_flags)

#endif /* Py_METHODOBJECT_H */
