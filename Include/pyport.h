/* pyport.h: basic types and portability macros used by every header. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)

#define Py_LOCAL_INLINE(type) static inline type
#define PyAPI_FUNC(type) extern type
#define PyAPI_DATA(type) extern type
#define PyMODINIT_FUNC PyObject *

#if defined(__GNUC__) || defined(__clang__)
#  define _Py_ALWAYS_INLINE __attribute__((always_inline))
#  define _Py_NO_INLINE __attribute__((noinline))
#  define Py_UNREACHABLE() __builtin_unreachable()
#  define _Py_LIKELY(x) __builtin_expect(!!(x), 1)
#  define _Py_UNLIKELY(x) __builtin_expect(!!(x), 0)
#  define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#  define _Py_NO_RETURN __attribute__((noreturn))
#else
#  define _Py_ALWAYS_INLINE
#  define _Py_NO_INLINE
#  define Py_UNREACHABLE() abort()
#  define _Py_LIKELY(x) (x)
#  define _Py_UNLIKELY(x) (x)
#  define Py_GCC_ATTRIBUTE(x)
#  define _Py_NO_RETURN
#endif

#define Py_UNUSED(name) _unused_ ## name
#define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define _Py_SIZE_ROUND_UP(n, a) (((size_t)(n) + (size_t)((a) - 1)) & ~(size_t)((a) - 1))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

/* ThreadSanitizer cannot see through mimalloc's or our own seqlocks; code
 * that races on purpose is marked with this. */
#if defined(__has_feature)
#  if __has_feature(thread_sanitizer)
#    define _Py_THREAD_SANITIZER_ACTIVE 1
#  endif
#endif
#if defined(__SANITIZE_THREAD__)
#  define _Py_THREAD_SANITIZER_ACTIVE 1
#endif
#ifdef _Py_THREAD_SANITIZER_ACTIVE
#  define _Py_NO_SANITIZE_THREAD __attribute__((no_sanitize_thread))
#else
#  define _Py_NO_SANITIZE_THREAD
#endif

#endif /* Py_PYPORT_H */
