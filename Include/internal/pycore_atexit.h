/* pycore_atexit.h: running the callbacks registered with the atexit module.
 * Implementation: Modules/atexitmodule.c. */
#ifndef Py_INTERNAL_ATEXIT_H
#define Py_INTERNAL_ATEXIT_H

/* Run (and forget) every atexit callback, last registered first; errors
 * are reported as unraisable.  Call at finalization with the thread state
 * attached, before the modules are torn down. */
PyAPI_FUNC(void) _PyAtExit_Call(void);

#endif /* Py_INTERNAL_ATEXIT_H */
