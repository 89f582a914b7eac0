/* import.h: the table of built-in (compiled-in) modules.
 *
 * The build generates _PyImport_Inittab from every PyInit_<name> function
 * defined in Modules/ (Tools/scripts/gen_inittab.sh), so a new C module only
 * has to define "PyMODINIT_FUNC PyInit_<name>(void)" at the start of a line. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H

struct _inittab {
    const char *name;              /* the module's full name, e.g. "_io" */
    PyObject *(*initfunc)(void);   /* returns a module or a PyModuleDef (multi-phase) */
};

/* Terminated by an entry whose name is NULL. */
extern struct _inittab _PyImport_Inittab[];

/* The import system (Python/import.c), CPython's API. */
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);            /* borrowed */
/* sys.modules[name] (new reference) or NULL, no exception if missing. */
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);
/* sys.modules[name], created empty if missing (new reference). */
PyAPI_FUNC(PyObject *) PyImport_AddModuleRef(const char *name);
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);  /* borrowed */
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);      /* borrowed */
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
/* The `import` statement: __import__(name, globals, locals, fromlist, level). */
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
                                                        PyObject *locals, PyObject *fromlist,
                                                        int level);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name, PyObject *globals,
                                                  PyObject *locals, PyObject *fromlist,
                                                  int level);
/* Run `co` as the body of module `name` (created or reused in sys.modules). */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co,
                                                     PyObject *pathname, PyObject *cpathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name, PyObject *co);
/* `from module import name`: the attribute, else the submodule
 * sys.modules["module.name"], else ImportError "cannot import name ..."
 * (with CPython's wording for partially initialised modules). */
PyAPI_FUNC(PyObject *) _PyImport_ImportFrom(PyObject *module, PyObject *name);
/* `from module import *` into `locals` (honours __all__, else the public
 * names). 0 or -1. */
PyAPI_FUNC(int) _PyImport_ImportStar(PyObject *module, PyObject *locals);
/* Find the source file of module `name` (importing its parent packages):
 * 1 with *path (new ref) and *is_package set, 0 if not found (no
 * exception), -1 on error.  Used by `python -m`. */
PyAPI_FUNC(int) _PyImport_FindModuleFile(PyObject *name, PyObject **path, int *is_package);

#endif /* Py_IMPORT_H */
