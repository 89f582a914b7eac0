/* ceval.h: the parts of the evaluator's API that exist before the eval
 * loop does: the C recursion guard.  (PyEval_SaveThread and
 * PyEval_RestoreThread are in pystate.h.)
 * Implementation: Python/errors.c for now. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H

#include "pyport.h"

/* C stack depth guard for code that recurses through objects (repr of
 * nested containers, comparisons, ...).  0 ok; -1 with RecursionError
 * ("maximum recursion depth exceeded" + where) when the depth passes
 * Py_C_RECURSION_LIMIT.  Every successful Enter needs one Leave. */
#define Py_C_RECURSION_LIMIT 8000
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

#endif /* Py_CEVAL_H */
