/* pycore_dtoa.h: digit generation for doubles (Python/dtoa.c).  The
 * formatting rules (exponent or not, signs, ".0") live in pystrtod.c; this
 * layer only turns a double into decimal digits and back, correctly
 * rounded. */
#ifndef Py_INTERNAL_DTOA_H
#define Py_INTERNAL_DTOA_H

#include "pyport.h"

/* Decimal digits of `x` (finite).  mode 0: the shortest digit string that
 * reads back as x (ties to the closest); mode 2: max(ndigits, 1) significant
 * digits, correctly rounded; mode 3: correctly rounded to ndigits places
 * after the decimal point.  Returns a PyMem_Malloc'd NUL-terminated digit
 * string without trailing zeros (zero is "0" with *decpt == 1); the value is
 * 0.DIGITS * 10**(*decpt).  *sign is 1 for negative x (including -0.0).
 * If rve is not NULL, *rve points at the terminating NUL.  NULL when out of
 * memory (no exception set).  Free with _Py_dg_freedtoa. */
PyAPI_FUNC(char *) _Py_dg_dtoa(double x, int mode, int ndigits,
                               int *decpt, int *sign, char **rve);
PyAPI_FUNC(void) _Py_dg_freedtoa(char *s);

/* Correctly rounded, locale-independent strtod for a decimal string.
 * Accepts [sign] digits [. digits] [e [sign] digits] only (no inf/nan/hex);
 * *endptr is set past the parsed text, or to s when nothing parsed.  Out of
 * range: +-HUGE_VAL or 0 with errno = ERANGE. */
PyAPI_FUNC(double) _Py_dg_strtod(const char *s, char **endptr);

#endif /* Py_INTERNAL_DTOA_H */
