/* pythonrun.h: running Python source from C.  Implementation:
 * Python/pythonrun.c. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H

#ifndef Py_single_input
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#endif

/* Compile `str` as `start` (Py_file_input, ...) and run it with the given
 * namespaces: the result (None for files), or NULL with an exception. */
PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int start, PyObject *globals,
                                    PyObject *locals);
/* Run `command` in __main__; on an exception print it: 0 or -1. */
PyAPI_FUNC(int) PyRun_SimpleString(const char *command);
/* Run what the command line asked for (_Py_MainConfig) and finalise:
 * the process exit status. */
PyAPI_FUNC(int) Py_RunMain(void);
/* Status an uncaught SystemExit asks for, as PyErr_Print would exit with;
 * used by embedders.  Sets *exitcode and returns 1 if the current exception
 * is a SystemExit (which is cleared), else 0. */
PyAPI_FUNC(int) _Py_HandleSystemExit(int *exitcode);

#endif /* Py_PYTHONRUN_H */
