/* modsupport.h: helpers for writing C functions and modules: parsing
 * arguments (PyArg_ParseTuple and friends), building values
 * (Py_BuildValue), creating modules and adding objects to them.
 * Implementation: Python/getargs.c (parsing), Python/modsupport.c (the
 * rest).  All `#` format codes take Py_ssize_t lengths (PY_SSIZE_T_CLEAN is
 * always on). */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#include <stdarg.h>
#include "object.h"
#include "moduleobject.h"

#define PYTHON_API_VERSION 1013
#define PYTHON_ABI_VERSION 3

PyAPI_FUNC(int) PyArg_Parse(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                            const char *format, char **keywords, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *args, const char *format, va_list va);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                              const char *format, char **keywords,
                                              va_list va);
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *kw);
/* Unpack min..max positional args into PyObject ** pointers (borrowed). */
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                                  Py_ssize_t max, ...);
/* For METH_FASTCALL functions. */
PyAPI_FUNC(int) _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs,
                                  const char *format, ...);
PyAPI_FUNC(int) _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs,
                                   const char *name, Py_ssize_t min, Py_ssize_t max, ...);

PyAPI_FUNC(PyObject *) Py_BuildValue(const char *format, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *format, va_list va);
#define _Py_BuildValue_SizeT Py_BuildValue
#define _Py_VaBuildValue_SizeT Py_VaBuildValue

/* Argument checks with CPython's messages. 1 ok, 0 with TypeError set. */
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *name, Py_ssize_t nargs,
                                       Py_ssize_t min, Py_ssize_t max);
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
PyAPI_FUNC(int) _PyArg_NoPositional(const char *funcname, PyObject *args);
/* "func() argument 'name' must be EXPECTED, not TYPE" */
PyAPI_FUNC(void) _PyArg_BadArgument(const char *fname, const char *displayname,
                                    const char *expected, PyObject *arg);
#define _PyArg_CheckPositional(name, nargs, min, max) \
    (((min) <= (nargs) && (nargs) <= (max)) ? 1 : \
     _PyArg_CheckPositional((name), (nargs), (min), (max)))
#define _PyArg_NoKeywords(funcname, kwargs) \
    ((kwargs) == NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoKwnames(funcname, kwnames) \
    ((kwnames) == NULL || _PyArg_NoKwnames((funcname), (kwnames)))

/* Modules. */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value);
/* Steals `value` (even on error, as in 3.13's PyModule_Add). */
PyAPI_FUNC(int) PyModule_Add(PyObject *mod, const char *name, PyObject *value);
/* Steals `value` only on success (the old, error-prone API). */
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *mod, const char *name, long value);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *mod, const char *name, const char *value);
PyAPI_FUNC(int) PyModule_AddType(PyObject *mod, PyTypeObject *type);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))
PyAPI_FUNC(int) PyModule_SetDocString(PyObject *mod, const char *doc);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *mod, PyMethodDef *functions);
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *def, int apiver);
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec,
                                                int module_api_version);
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)

#endif /* Py_MODSUPPORT_H */
