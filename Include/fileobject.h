/* fileobject.h: helpers to write to and read from Python file objects
 * (anything with write()/readline()), and the "std printer": a minimal
 * text stream on a file descriptor used for sys.stdout/sys.stderr before
 * (or without) the _io module.  Implementation: Objects/fileobject.c. */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H

#define Py_PRINT_RAW 1     /* PyFile_WriteObject: str(obj) instead of repr(obj) */

/* f.write(str(obj)) or f.write(repr(obj)): 0, or -1 with an exception. */
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *obj, PyObject *f, int flags);
/* f.write(s) with a UTF-8 C string; -1 with an exception on failure. */
PyAPI_FUNC(int) PyFile_WriteString(const char *s, PyObject *f);
/* f.readline() (n <= 0) or f.readline(n), with the trailing newline kept;
 * n < 0 strips it and raises EOFError at end of file (as input()). */
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *f, int n);
/* A text writer on `fd` (1 or 2 usually): write(str), flush(), fileno(),
 * isatty(), readable()/writable(), closed, encoding ("utf-8"), errors
 * ("strict", "backslashreplace" on fd 2), mode.  Output to a non-terminal
 * fd other than 2 is buffered until flush() or the buffer fills. */
PyAPI_FUNC(PyObject *) PyFile_NewStdPrinter(int fd);
PyAPI_DATA(PyTypeObject) PyStdPrinter_Type;
/* o.fileno() or an int: the descriptor, or -1 with an exception. */
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *o);

#endif /* Py_FILEOBJECT_H */
