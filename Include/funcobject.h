/* funcobject.h: Python function objects (`def`, `lambda`): a code object
 * with its globals, defaults, closure and attributes.  Calling one binds the
 * arguments into a new interpreter frame (Objects/funcobject.c); the eval
 * loop inlines calls of plain functions without recursing in C. */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H

typedef struct {
    PyObject_HEAD
    PyObject *func_globals;      /* dict */
    PyObject *func_builtins;     /* the builtins namespace seen by the code */
    PyObject *func_name;         /* str */
    PyObject *func_qualname;     /* str */
    PyObject *func_code;         /* code object */
    PyObject *func_defaults;     /* NULL or tuple */
    PyObject *func_kwdefaults;   /* NULL or dict */
    PyObject *func_closure;      /* NULL or tuple of cells */
    PyObject *func_doc;          /* anything, None by default */
    PyObject *func_dict;         /* __dict__, created on demand */
    PyObject *func_weakreflist;
    PyObject *func_module;       /* __module__ taken from globals */
    PyObject *func_annotations;  /* NULL or dict */
    PyObject *func_typeparams;   /* NULL or tuple */
    vectorcallfunc vectorcall;
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code, PyObject *globals,
                                                  PyObject *qualname);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *op, PyObject *defaults);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *op, PyObject *closure);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *op, PyObject *annotations);

/* The vectorcall entry of functions (bind, run the frame, return). */
PyAPI_FUNC(PyObject *) _PyFunction_Vectorcall(PyObject *func, PyObject *const *stack,
                                              size_t nargsf, PyObject *kwnames);

#define PyFunction_GET_CODE(func) (((PyFunctionObject *)(func))->func_code)
#define PyFunction_GET_GLOBALS(func) (((PyFunctionObject *)(func))->func_globals)
#define PyFunction_GET_MODULE(func) (((PyFunctionObject *)(func))->func_module)
#define PyFunction_GET_DEFAULTS(func) (((PyFunctionObject *)(func))->func_defaults)
#define PyFunction_GET_KW_DEFAULTS(func) (((PyFunctionObject *)(func))->func_kwdefaults)
#define PyFunction_GET_CLOSURE(func) (((PyFunctionObject *)(func))->func_closure)
#define PyFunction_GET_ANNOTATIONS(func) (((PyFunctionObject *)(func))->func_annotations)

#endif /* Py_FUNCOBJECT_H */
