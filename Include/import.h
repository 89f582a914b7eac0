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

#endif /* Py_IMPORT_H */
