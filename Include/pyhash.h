/* pyhash.h: hashing rules shared by the numeric types, str and bytes.
 * Numbers hash by their value modulo the Mersenne prime 2**61 - 1, so that
 * equal numbers of different types (1, 1.0, True, 1+0j) hash equal;
 * hash(-1) is -2 because -1 means "error" in tp_hash.  Bytes and str hash
 * with SipHash-1-3 under a fixed key.  Implementation: Python/pyhash.c. */
#ifndef Py_PYHASH_H
#define Py_PYHASH_H

#include "pyport.h"

#define _PyHASH_BITS 61
#define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#define _PyHASH_INF 314159
#define _PyHASH_IMAG 1000003UL
#define _PyHASH_MULTIPLIER 1000003UL
#define PyHASH_BITS _PyHASH_BITS
#define PyHASH_MODULUS _PyHASH_MODULUS
#define PyHASH_INF _PyHASH_INF
#define PyHASH_IMAG _PyHASH_IMAG
#define PyHASH_MULTIPLIER _PyHASH_MULTIPLIER

struct _object;
/* hash(float): NaN hashes by identity of `inst` (as CPython 3.10+). */
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(struct _object *inst, double v);
PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);
#define _Py_HashPointer Py_HashPointer
/* Hash of a byte string (str and bytes agree for ASCII/Latin-1 data when
 * they hash the same bytes).  Never returns -1. */
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *src, Py_ssize_t len);
PyAPI_FUNC(Py_hash_t) Py_HashBuffer(const void *ptr, Py_ssize_t len);

#endif /* Py_PYHASH_H */
