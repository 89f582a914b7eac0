/* sysmodule.h: access to the sys module from C.  Implementation:
 * Python/sysmodule.c. */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H

/* sys.<name> (borrowed reference), or NULL without an exception set. */
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);
/* sys.<name> = v (v NULL deletes): 0, or -1 with an exception. */
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *v);
/* Write a printf-style message to sys.stdout / sys.stderr (or the C stream
 * when those are unusable); never raises, the current exception is kept.
 * WriteStdout/WriteStderr take C printf formats (output cut at 1000 bytes),
 * FormatStdout/FormatStderr take PyUnicode_FromFormat formats. */
PyAPI_FUNC(void) PySys_WriteStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_WriteStderr(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *format, ...);
/* Audit hooks: Weft raises no audit events; hooks are kept and called by
 * sys.audit() only.  0 on success. */
PyAPI_FUNC(int) PySys_Audit(const char *event, const char *format, ...);

#endif /* Py_SYSMODULE_H */
