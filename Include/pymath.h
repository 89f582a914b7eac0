/* pymath.h: floating-point constants and classification macros (NaN,
 * infinity), plus the numeric hash constants shared by int, float and
 * complex hashing (pyhash.h may define the same values; both are guarded). */
#ifndef Py_PYMATH_H
#define Py_PYMATH_H

#include <math.h>
#include "pyport.h"

#define Py_MATH_PIl 3.1415926535897932384626433832795029L
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_El 2.7182818284590452353602874713526625L
#define Py_MATH_E 2.7182818284590452354
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L

#define Py_INFINITY ((double)INFINITY)
#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)

#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)

/* Numeric hashes reduce modulo the Mersenne prime 2**61 - 1 so that equal
 * numbers of different types hash alike. */
#ifndef _PyHASH_BITS
#  define _PyHASH_BITS 61
#endif
#ifndef _PyHASH_MODULUS
#  define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#endif
#ifndef _PyHASH_INF
#  define _PyHASH_INF 314159
#endif
#ifndef _PyHASH_IMAG
#  define _PyHASH_IMAG 1000003UL
#endif
#ifndef _PyHASH_MULTIPLIER
#  define _PyHASH_MULTIPLIER 1000003UL
#endif

#endif /* Py_PYMATH_H */
