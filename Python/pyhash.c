/* pyhash.c: hashing of numbers (the modulo-(2**61 - 1) rule that makes
 * equal numbers of different types hash equal), of pointers, and of byte
 * strings (SipHash-1-3 with a fixed key: CPython randomises its key, so no
 * program can depend on the exact values). */
#include "Python.h"
#include <math.h>

Py_hash_t
_Py_HashDouble(PyObject *inst, double v)
{
    int e, sign;
    double m;
    Py_uhash_t x, y;

    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        }
        return Py_HashPointer(inst);  /* NaN: by identity */
    }
    m = frexp(v, &e);
    sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Process 28 bits at a time, reducing modulo 2**61 - 1. */
    x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0;  /* 2**28 */
        e -= 28;
        y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= _PyHASH_MODULUS) {
            x -= _PyHASH_MODULUS;
        }
    }
    /* Multiply by 2**e, i.e. rotate left by e modulo 61. */
    e = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << e) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - e);
    x = x * (Py_uhash_t)sign;
    if (x == (Py_uhash_t)-1) {
        x = (Py_uhash_t)-2;
    }
    return (Py_hash_t)x;
}

Py_hash_t
Py_HashPointer(const void *p)
{
    size_t y = (size_t)p;
    /* The low bits are always zero (alignment): rotate them away. */
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    Py_hash_t x = (Py_hash_t)y;
    if (x == -1) {
        x = -2;
    }
    return x;
}

/* ---- SipHash-1-3 ------------------------------------------------------- */

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)   \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static const uint64_t hash_k0 = 0x736f6d6570736575ULL ^ 0x0123456789abcdefULL;
static const uint64_t hash_k1 = 0x646f72616e646f6dULL ^ 0xfedcba9876543210ULL;

static uint64_t
siphash13(const void *src, Py_ssize_t src_sz)
{
    uint64_t b = (uint64_t)src_sz << 56;
    const uint8_t *in = (const uint8_t *)src;
    uint64_t v0 = hash_k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = hash_k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = hash_k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = hash_k1 ^ 0x7465646279746573ULL;
    uint64_t t;

    while (src_sz >= 8) {
        uint64_t mi;
        memcpy(&mi, in, sizeof(mi));
        in += 8;
        src_sz -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    t = 0;
    uint8_t *pt = (uint8_t *)&t;
    switch (src_sz) {
    case 7: pt[6] = in[6]; /* fall through */
    case 6: pt[5] = in[5]; /* fall through */
    case 5: pt[4] = in[4]; /* fall through */
    case 4: memcpy(pt, in, 4); break;
    case 3: pt[2] = in[2]; /* fall through */
    case 2: pt[1] = in[1]; /* fall through */
    case 1: pt[0] = in[0]; break;
    }
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

Py_hash_t
_Py_HashBytes(const void *src, Py_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    Py_hash_t x = (Py_hash_t)siphash13(src, len);
    if (x == -1) {
        return -2;
    }
    return x;
}

Py_hash_t
Py_HashBuffer(const void *ptr, Py_ssize_t len)
{
    return _Py_HashBytes(ptr, len);
}
