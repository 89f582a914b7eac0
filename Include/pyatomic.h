/* pyatomic.h: atomic operations on integers and pointers, for the runtime's
 * lock-free code (reference counts, mutex bytes, eval-breaker words, QSBR
 * sequences).  Built on libatomic_ops' AO_* primitives, which on x86-64 and
 * aarch64 compile to the compiler's __atomic builtins, so ThreadSanitizer sees
 * every one of them.  Names follow CPython's _Py_atomic_* family:
 *
 *   _Py_atomic_load_T(p)            sequentially consistent load
 *   _Py_atomic_load_T_relaxed(p)    no ordering
 *   _Py_atomic_load_T_acquire(p)
 *   _Py_atomic_store_T(p, v)        sequentially consistent store
 *   _Py_atomic_store_T_relaxed(p, v)
 *   _Py_atomic_store_T_release(p, v)
 *   _Py_atomic_add_T(p, v)          returns the old value
 *   _Py_atomic_exchange_T(p, v)     returns the old value
 *   _Py_atomic_compare_exchange_T(p, &expected, desired)
 *                                   1 on success; on failure 0, and *expected
 *                                   receives the value found
 *   _Py_atomic_and_T / _Py_atomic_or_T (returns the old value)
 *
 * for T in int8 uint8 int16 uint16 int32 uint32 int uint int64 uint64 intptr
 * uintptr ssize and ptr, plus _Py_atomic_fence_seq_cst/acquire/release.
 */
#ifndef Py_ATOMIC_H
#define Py_ATOMIC_H

#include <stdint.h>
#include <stddef.h>
#include <atomic_ops.h>

#if !defined(AO_HAVE_fetch_compare_and_swap_full) || !defined(AO_HAVE_char_fetch_compare_and_swap_full)
#  error "libatomic_ops lacks compare-and-swap on this platform"
#endif

_Static_assert(sizeof(AO_t) == 8, "Weft needs a 64-bit AO_t");
_Static_assert(sizeof(unsigned int) == 4, "Weft needs a 32-bit int");

/* One family of functions per width.  NAME is the suffix, T the C type, AOT
 * libatomic_ops' unsigned type of the same width, P the AO_ function prefix. */
#define _Py_ATOMIC_FAMILY(NAME, T, AOT, P)                                    \
static inline T _Py_atomic_load_##NAME##_relaxed(const T *obj)                \
{ return (T)P##load((const volatile AOT *)obj); }                             \
static inline T _Py_atomic_load_##NAME##_acquire(const T *obj)                \
{ return (T)P##load_acquire((const volatile AOT *)obj); }                     \
/* A sequentially consistent load compiles to the acquire load (a plain mov  \
 * on x86-64, ldar on aarch64); the StoreLoad fence sits on the store side. */ \
static inline T _Py_atomic_load_##NAME(const T *obj)                          \
{ return (T)P##load_acquire((const volatile AOT *)obj); }                     \
static inline void _Py_atomic_store_##NAME##_relaxed(T *obj, T v)             \
{ P##store((volatile AOT *)obj, (AOT)v); }                                    \
static inline void _Py_atomic_store_##NAME##_release(T *obj, T v)             \
{ P##store_release((volatile AOT *)obj, (AOT)v); }                            \
static inline void _Py_atomic_store_##NAME(T *obj, T v)                       \
{ P##store_release((volatile AOT *)obj, (AOT)v); AO_nop_full(); }             \
static inline T _Py_atomic_add_##NAME(T *obj, T v)                            \
{ return (T)P##fetch_and_add_full((volatile AOT *)obj, (AOT)v); }             \
static inline int _Py_atomic_compare_exchange_##NAME(T *obj, T *expected,     \
                                                     T desired)               \
{                                                                             \
    AOT old = P##fetch_compare_and_swap_full((volatile AOT *)obj,             \
                                             (AOT)*expected, (AOT)desired);   \
    if (old == (AOT)*expected) {                                              \
        return 1;                                                             \
    }                                                                         \
    *expected = (T)old;                                                       \
    return 0;                                                                 \
}                                                                             \
static inline T _Py_atomic_exchange_##NAME(T *obj, T v)                       \
{                                                                             \
    T old = _Py_atomic_load_##NAME##_relaxed(obj);                            \
    while (!_Py_atomic_compare_exchange_##NAME(obj, &old, v)) {               \
    }                                                                         \
    return old;                                                               \
}                                                                             \
static inline T _Py_atomic_and_##NAME(T *obj, T v)                            \
{                                                                             \
    T old = _Py_atomic_load_##NAME##_relaxed(obj);                            \
    while (!_Py_atomic_compare_exchange_##NAME(obj, &old, (T)(old & v))) {    \
    }                                                                         \
    return old;                                                               \
}                                                                             \
static inline T _Py_atomic_or_##NAME(T *obj, T v)                             \
{                                                                             \
    T old = _Py_atomic_load_##NAME##_relaxed(obj);                            \
    while (!_Py_atomic_compare_exchange_##NAME(obj, &old, (T)(old | v))) {    \
    }                                                                         \
    return old;                                                               \
}

_Py_ATOMIC_FAMILY(int8, int8_t, unsigned char, AO_char_)
_Py_ATOMIC_FAMILY(uint8, uint8_t, unsigned char, AO_char_)
_Py_ATOMIC_FAMILY(int16, int16_t, unsigned short, AO_short_)
_Py_ATOMIC_FAMILY(uint16, uint16_t, unsigned short, AO_short_)
_Py_ATOMIC_FAMILY(int32, int32_t, unsigned int, AO_int_)
_Py_ATOMIC_FAMILY(uint32, uint32_t, unsigned int, AO_int_)
_Py_ATOMIC_FAMILY(int, int, unsigned int, AO_int_)
_Py_ATOMIC_FAMILY(uint, unsigned int, unsigned int, AO_int_)
_Py_ATOMIC_FAMILY(int64, int64_t, AO_t, AO_)
_Py_ATOMIC_FAMILY(uint64, uint64_t, AO_t, AO_)
_Py_ATOMIC_FAMILY(intptr, intptr_t, AO_t, AO_)
_Py_ATOMIC_FAMILY(uintptr, uintptr_t, AO_t, AO_)
_Py_ATOMIC_FAMILY(ssize, ptrdiff_t, AO_t, AO_)

#undef _Py_ATOMIC_FAMILY

/* Pointers go through uintptr_t; `void *` parameters let any pointer type in. */
static inline void *_Py_atomic_load_ptr(const void *obj)
{ return (void *)_Py_atomic_load_uintptr((const uintptr_t *)obj); }
static inline void *_Py_atomic_load_ptr_relaxed(const void *obj)
{ return (void *)_Py_atomic_load_uintptr_relaxed((const uintptr_t *)obj); }
static inline void *_Py_atomic_load_ptr_acquire(const void *obj)
{ return (void *)_Py_atomic_load_uintptr_acquire((const uintptr_t *)obj); }
static inline void _Py_atomic_store_ptr(void *obj, void *v)
{ _Py_atomic_store_uintptr((uintptr_t *)obj, (uintptr_t)v); }
static inline void _Py_atomic_store_ptr_relaxed(void *obj, void *v)
{ _Py_atomic_store_uintptr_relaxed((uintptr_t *)obj, (uintptr_t)v); }
static inline void _Py_atomic_store_ptr_release(void *obj, void *v)
{ _Py_atomic_store_uintptr_release((uintptr_t *)obj, (uintptr_t)v); }
static inline void *_Py_atomic_exchange_ptr(void *obj, void *v)
{ return (void *)_Py_atomic_exchange_uintptr((uintptr_t *)obj, (uintptr_t)v); }
static inline int _Py_atomic_compare_exchange_ptr(void *obj, void *expected, void *desired)
{
    return _Py_atomic_compare_exchange_uintptr((uintptr_t *)obj,
                                               (uintptr_t *)expected,
                                               (uintptr_t)desired);
}

static inline void _Py_atomic_fence_seq_cst(void) { AO_nop_full(); }
static inline void _Py_atomic_fence_acquire(void) { AO_nop_full(); }
static inline void _Py_atomic_fence_release(void) { AO_nop_full(); }

#endif /* Py_ATOMIC_H */
