/* call.c: calling objects.  PyObject_Call and the vectorcall protocol
 * (args array + nargs + kwnames tuple), conversions between the tuple/dict
 * and vectorcall forms, and the convenience calls (CallFunction with a
 * Py_BuildValue format, CallMethod, CallOneArg, ...). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

PyObject *
_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable, PyObject *result,
                        const char *where)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            if (callable) {
                PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception",
                             callable);
            }
            else {
                PyErr_Format(PyExc_SystemError, "%s returned NULL without setting an exception",
                             where);
            }
        }
    }
    else if (PyErr_Occurred()) {
        Py_DECREF(result);
        if (callable) {
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "%R returned a result with an exception set", callable);
        }
        else {
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "%s returned a result with an exception set", where);
        }
        return NULL;
    }
    return result;
}

vectorcallfunc
PyVectorcall_Function(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (!PyType_HasFeature(tp, Py_TPFLAGS_HAVE_VECTORCALL)) {
        return NULL;
    }
    Py_ssize_t offset = tp->tp_vectorcall_offset;
    if (offset <= 0) {
        return NULL;
    }
    vectorcallfunc ptr;
    memcpy(&ptr, (char *)callable + offset, sizeof(ptr));
    return ptr;
}

/* A kwargs dict from kwnames and the values after the positionals. */
PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t nkwargs = PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = _PyDict_NewPresized(nkwargs);
    if (kwdict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nkwargs; i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

PyObject *
_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                     Py_ssize_t nargs, PyObject *keywords)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    PyObject *argstuple = _PyTuple_FromArray(args, nargs);
    if (argstuple == NULL) {
        return NULL;
    }
    PyObject *kwdict;
    if (keywords == NULL || PyDict_Check(keywords)) {
        kwdict = keywords;
        Py_XINCREF(kwdict);
    }
    else if (PyTuple_GET_SIZE(keywords)) {
        kwdict = _PyStack_AsDict(args + nargs, keywords);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    else {
        kwdict = NULL;
    }
    PyObject *result = NULL;
    if (Py_EnterRecursiveCall(" while calling a Python object") == 0) {
        result = call(callable, argstuple, kwdict);
        Py_LeaveRecursiveCall();
    }
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return _Py_CheckFunctionResult(tstate, callable, result, NULL);
}

PyObject *
PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                    PyObject *kwnames)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(NULL, callable, args, PyVectorcall_NARGS(nargsf), kwnames);
    }
    PyObject *res = func(callable, args, nargsf, kwnames);
    return _Py_CheckFunctionResult(NULL, callable, res, NULL);
}

/* Positional arguments plus a dict -> vectorcall stack + kwnames. */
static PyObject *const *
stack_from_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                PyObject **p_kwnames, PyObject ***p_alloc)
{
    Py_ssize_t nkw = PyDict_GET_SIZE(kwargs);
    PyObject **stack = PyMem_Malloc((size_t)(1 + nargs + nkw) * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkw);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++;  /* leave room for PY_VECTORCALL_ARGUMENTS_OFFSET */
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = Py_NewRef(args[i]);
    }
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            for (Py_ssize_t j = 0; j < nargs + i; j++) {
                Py_DECREF(stack[j]);
            }
            Py_DECREF(kwnames);
            PyMem_Free(stack - 1);
            return NULL;
        }
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i] = Py_NewRef(value);
        i++;
    }
    *p_kwnames = kwnames;
    *p_alloc = stack - 1;
    return stack;
}

static void
stack_free(PyObject **alloc, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(alloc[i + 1]);
    }
    PyMem_Free(alloc);
}

PyObject *
PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                        PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(NULL, callable, args, nargs, kwargs);
    }
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        return _Py_CheckFunctionResult(NULL, callable, func(callable, args, nargsf, NULL), NULL);
    }
    PyObject *kwnames;
    PyObject **alloc;
    PyObject *const *stack = stack_from_dict(args, nargs, kwargs, &kwnames, &alloc);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *res = func(callable, stack, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    stack_free(alloc, nargs + PyTuple_GET_SIZE(kwnames));
    Py_DECREF(kwnames);
    return _Py_CheckFunctionResult(NULL, callable, res, NULL);
}

PyObject *
PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        return func(callable, _PyTuple_ITEMS(tuple), (size_t)nargs, NULL);
    }
    PyObject *kwnames;
    PyObject **alloc;
    PyObject *const *stack = stack_from_dict(_PyTuple_ITEMS(tuple), nargs, kwargs, &kwnames,
                                             &alloc);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *res = func(callable, stack, (size_t)nargs, kwnames);
    stack_free(alloc, nargs + PyTuple_GET_SIZE(kwnames));
    Py_DECREF(kwnames);
    return res;
}

PyObject *
PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    vectorcallfunc vector_func = PyVectorcall_Function(callable);
    if (vector_func != NULL) {
        PyObject *res = PyVectorcall_Call(callable, args, kwargs);
        return _Py_CheckFunctionResult(NULL, callable, res, NULL);
    }
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *result = call(callable, args, kwargs);
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(NULL, callable, result, NULL);
}

PyObject *
PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL) {
        return PyObject_Vectorcall(callable, NULL, 0, NULL);
    }
    return PyObject_Call(callable, args, NULL);
}

PyObject *
PyObject_CallNoArgs(PyObject *func)
{
    return PyObject_Vectorcall(func, NULL, 0, NULL);
}

PyObject *
PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    PyObject *_args[2];
    PyObject **args = _args + 1;  /* so the callee may use args[-1] */
    args[0] = arg;
    return PyObject_Vectorcall(func, args, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Build the arguments from a Py_BuildValue format and call. */
static PyObject *
call_function_va(PyObject *callable, const char *format, va_list va)
{
    if (format == NULL || *format == '\0') {
        return PyObject_CallNoArgs(callable);
    }
    PyObject *args = Py_VaBuildValue(format, va);
    if (args == NULL) {
        return NULL;
    }
    PyObject *res;
    if (!PyTuple_Check(args)) {
        res = PyObject_CallOneArg(callable, args);
    }
    else {
        res = PyObject_Call(callable, args, NULL);
    }
    Py_DECREF(args);
    return res;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    if (callable == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *res = call_function_va(callable, format, va);
    va_end(va);
    return res;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *res = call_function_va(callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return res;
}

PyObject *
PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames)
{
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL) {
        return NULL;
    }
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(callable, args, nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET,
                                  kwnames);
    }
    else {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        res = PyObject_Vectorcall(callable, args + 1, (size_t)(nargs - 1), kwnames);
    }
    Py_DECREF(callable);
    return res;
}

PyObject *
PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    return PyObject_VectorcallMethod(name, &self, 1, NULL);
}

PyObject *
PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2, NULL);
}

/* Collect NULL-terminated varargs into a small array. */
static PyObject *
call_objargs(PyObject *callable, PyObject *first, va_list va)
{
    PyObject *small[8];
    PyObject **stack = small;
    Py_ssize_t n = 0, cap = 8;
    if (first != NULL) {
        stack[n++] = first;
    }
    for (;;) {
        PyObject *a = va_arg(va, PyObject *);
        if (a == NULL) {
            break;
        }
        if (n == cap) {
            PyObject **ns = PyMem_Malloc((size_t)cap * 2 * sizeof(PyObject *));
            if (ns == NULL) {
                if (stack != small) {
                    PyMem_Free(stack);
                }
                return PyErr_NoMemory();
            }
            memcpy(ns, stack, (size_t)n * sizeof(PyObject *));
            if (stack != small) {
                PyMem_Free(stack);
            }
            stack = ns;
            cap *= 2;
        }
        stack[n++] = a;
    }
    PyObject *res = PyObject_Vectorcall(callable, stack, (size_t)n, NULL);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return res;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list va;
    va_start(va, callable);
    PyObject *res = call_objargs(callable, NULL, va);
    va_end(va);
    return res;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(obj, name, &callable);
    if (callable == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, name);
    PyObject *res = call_objargs(callable, unbound ? obj : NULL, va);
    va_end(va);
    Py_DECREF(callable);
    return res;
}
