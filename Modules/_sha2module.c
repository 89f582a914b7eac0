/* _sha2module.c: the `_sha2` module: SHA-224/256/384/512 hash objects
 * (FIPS 180-4) with update/digest/hexdigest/copy and the name,
 * digest_size and block_size attributes, as hashlib's fallback provides
 * them.  random.seed(str/bytes) hashes its seed with sha512 from here. */
#include "Python.h"
#include <stdint.h>

/* ---- SHA-256 / SHA-224 ---- */

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

typedef struct {
    PyObject_HEAD
    int is512;              /* 64-bit family */
    int digest_size;
    const char *name;
    uint32_t h32[8];
    uint64_t h64[8];
    unsigned char buf[128];
    size_t buflen;
    uint64_t total_lo, total_hi;   /* message length in bytes (128-bit) */
    PyMutex lock;
} SHAObject;

static void
compress256(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) |
               ((uint32_t)p[4 * i + 2] << 8) | p[4 * i + 3];
    }
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + S1 + ch + K256[i] + w[i];
        uint32_t S0 = ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void
compress512(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++) {
            v = (v << 8) | p[8 * i + j];
        }
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + K512[i] + w[i];
        uint64_t S0 = ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static size_t
block_size(SHAObject *s)
{
    return s->is512 ? 128 : 64;
}

static void
sha_update(SHAObject *s, const unsigned char *data, size_t len)
{
    size_t bs = block_size(s);
    uint64_t old = s->total_lo;
    s->total_lo += len;
    if (s->total_lo < old) {
        s->total_hi++;
    }
    while (len > 0) {
        size_t take = bs - s->buflen;
        if (take > len) {
            take = len;
        }
        memcpy(s->buf + s->buflen, data, take);
        s->buflen += take;
        data += take;
        len -= take;
        if (s->buflen == bs) {
            if (s->is512) {
                compress512(s->h64, s->buf);
            }
            else {
                compress256(s->h32, s->buf);
            }
            s->buflen = 0;
        }
    }
}

/* Finish a copy of the state into out (digest_size bytes). */
static void
sha_final(const SHAObject *src, unsigned char *out)
{
    SHAObject s = *src;
    size_t bs = block_size(&s);
    size_t lenbytes = s.is512 ? 16 : 8;
    uint64_t bits_lo = s.total_lo << 3;
    uint64_t bits_hi = (s.total_hi << 3) | (s.total_lo >> 61);
    unsigned char pad[256];
    size_t padlen = bs - ((s.buflen + 1 + lenbytes) % bs);
    if (padlen == bs) {
        padlen = 0;
    }
    memset(pad, 0, sizeof pad);
    pad[0] = 0x80;
    size_t n = 1 + padlen;
    for (size_t i = 0; i < lenbytes; i++) {
        size_t shift = 8 * (lenbytes - 1 - i);
        uint64_t word = shift >= 64 ? bits_hi : bits_lo;
        pad[n + i] = (unsigned char)(word >> (shift % 64));
    }
    /* update() would also count these bytes in the length; it is already
     * captured in bits_lo/bits_hi above */
    sha_update(&s, pad, n + lenbytes);
    for (int i = 0; i < s.digest_size; i++) {
        if (s.is512) {
            out[i] = (unsigned char)(s.h64[i / 8] >> (56 - 8 * (i % 8)));
        }
        else {
            out[i] = (unsigned char)(s.h32[i / 4] >> (24 - 8 * (i % 4)));
        }
    }
}

static PyTypeObject SHAType;

static SHAObject *
sha_alloc(void)
{
    SHAObject *s = PyObject_New(SHAObject, &SHAType);
    if (s == NULL) {
        return NULL;
    }
    memset(&s->lock, 0, sizeof s->lock);
    s->buflen = 0;
    s->total_lo = s->total_hi = 0;
    return s;
}

static void
sha_init_kind(SHAObject *s, int bits)
{
    static const uint32_t iv256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    static const uint32_t iv224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                      0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
    static const uint64_t iv512[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL,
                                      0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                                      0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                      0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    static const uint64_t iv384[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL,
                                      0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
                                      0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                      0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
    s->is512 = bits > 256;
    s->digest_size = bits / 8;
    switch (bits) {
    case 224: memcpy(s->h32, iv224, sizeof iv224); s->name = "sha224"; break;
    case 256: memcpy(s->h32, iv256, sizeof iv256); s->name = "sha256"; break;
    case 384: memcpy(s->h64, iv384, sizeof iv384); s->name = "sha384"; break;
    default: memcpy(s->h64, iv512, sizeof iv512); s->name = "sha512"; break;
    }
}

static int
feed(SHAObject *s, PyObject *data)
{
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, 0) < 0) {
        return -1;
    }
    PyMutex_Lock(&s->lock);
    sha_update(s, view.buf, (size_t)view.len);
    PyMutex_Unlock(&s->lock);
    PyBuffer_Release(&view);
    return 0;
}

static PyObject *
sha_update_method(PyObject *op, PyObject *data)
{
    if (feed((SHAObject *)op, data) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
sha_digest(PyObject *op, PyObject *Py_UNUSED(a))
{
    SHAObject *s = (SHAObject *)op;
    unsigned char out[64];
    PyMutex_Lock(&s->lock);
    sha_final(s, out);
    PyMutex_Unlock(&s->lock);
    return PyBytes_FromStringAndSize((const char *)out, s->digest_size);
}

static PyObject *
sha_hexdigest(PyObject *op, PyObject *Py_UNUSED(a))
{
    SHAObject *s = (SHAObject *)op;
    unsigned char out[64];
    char hex[129];
    PyMutex_Lock(&s->lock);
    sha_final(s, out);
    PyMutex_Unlock(&s->lock);
    for (int i = 0; i < s->digest_size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(hex, 2 * s->digest_size);
}

static PyObject *
sha_copy(PyObject *op, PyObject *Py_UNUSED(a))
{
    SHAObject *s = (SHAObject *)op;
    SHAObject *n = sha_alloc();
    if (n == NULL) {
        return NULL;
    }
    PyMutex_Lock(&s->lock);
    n->is512 = s->is512;
    n->digest_size = s->digest_size;
    n->name = s->name;
    memcpy(n->h32, s->h32, sizeof n->h32);
    memcpy(n->h64, s->h64, sizeof n->h64);
    memcpy(n->buf, s->buf, sizeof n->buf);
    n->buflen = s->buflen;
    n->total_lo = s->total_lo;
    n->total_hi = s->total_hi;
    PyMutex_Unlock(&s->lock);
    return (PyObject *)n;
}

static PyObject *
sha_get_name(PyObject *op, void *c)
{
    return PyUnicode_FromString(((SHAObject *)op)->name);
}

static PyObject *
sha_get_digest_size(PyObject *op, void *c)
{
    return PyLong_FromLong(((SHAObject *)op)->digest_size);
}

static PyObject *
sha_get_block_size(PyObject *op, void *c)
{
    return PyLong_FromSize_t(block_size((SHAObject *)op));
}

static PyMethodDef sha_methods[] = {
    {"update", sha_update_method, METH_O, "Update this hash object's state with the provided string."},
    {"digest", sha_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", sha_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef sha_getset[] = {
    {"name", sha_get_name, NULL, NULL, NULL},
    {"digest_size", sha_get_digest_size, NULL, NULL, NULL},
    {"block_size", sha_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject SHAType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sha2.SHAType",
    .tp_basicsize = sizeof(SHAObject),
    .tp_dealloc = (destructor)(void (*)(void))PyObject_Free,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = sha_methods,
    .tp_getset = sha_getset,
};

static PyObject *
make_hash(int bits, PyObject *args, PyObject *kwargs, const char *fname)
{
    static char *kwlist[] = {"string", "usedforsecurity", NULL};
    PyObject *data = NULL;
    int usedforsecurity = 1;
    char fmt[40];
    snprintf(fmt, sizeof fmt, "|O$p:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &data, &usedforsecurity)) {
        return NULL;
    }
    SHAObject *s = sha_alloc();
    if (s == NULL) {
        return NULL;
    }
    sha_init_kind(s, bits);
    if (data != NULL && feed(s, data) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

#define CTOR(BITS)                                                           \
    static PyObject *sha2_sha##BITS(PyObject *m, PyObject *a, PyObject *k)   \
    {                                                                        \
        return make_hash(BITS, a, k, "sha" #BITS);                           \
    }
CTOR(224)
CTOR(256)
CTOR(384)
CTOR(512)

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef sha2_methods[] = {
    {"sha224", KW(sha2_sha224), "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha256", KW(sha2_sha256), "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha384", KW(sha2_sha384), "Return a new SHA-384 hash object; optionally initialized with a string."},
    {"sha512", KW(sha2_sha512), "Return a new SHA-512 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

static int
sha2_exec(PyObject *module)
{
    return PyType_Ready(&SHAType);
}

static PyModuleDef_Slot sha2_slots[] = {
    {Py_mod_exec, sha2_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef sha2module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_sha2",
    .m_size = 0,
    .m_methods = sha2_methods,
    .m_slots = sha2_slots,
};

PyMODINIT_FUNC PyInit__sha2(void)
{
    return PyModuleDef_Init(&sha2module);
}
