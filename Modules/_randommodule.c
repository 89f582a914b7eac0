/* _randommodule.c: `_random.Random`, the Mersenne Twister (MT19937) core
 * that random.py builds on.  Seeding matches CPython bit for bit: an int
 * seeds init_by_array with its absolute value's 32-bit words (least
 * significant first), None seeds from os.urandom, anything else by its
 * hash; random() combines 27 and 26 bits into a double; getrandbits(k)
 * fills words least significant first.  State is locked per object in the
 * free-threaded build (critical sections). */
#include "Python.h"
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;
    uint32_t state[N];
} RandomObject;

static uint32_t
genrand_uint32(RandomObject *self)
{
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t *mt = self->state;
    uint32_t y;
    if (self->index >= N) {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void
init_genrand(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < N; i++) {
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    }
    self->index = N;
}

static void
init_by_array(RandomObject *self, const uint32_t *key, size_t key_length)
{
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = N > key_length ? N : key_length;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= key_length) {
            j = 0;
        }
    }
    for (k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

static int
seed_from_urandom(RandomObject *self)
{
    uint32_t key[N];
    size_t done = 0;
    char *p = (char *)key;
    while (done < sizeof key) {
        ssize_t r = getrandom(p + done, sizeof key - done, 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        done += (size_t)r;
    }
    init_by_array(self, key, N);
    return 0;
}

/* Seed from an object (caller holds the object's lock). */
static int
random_seed_locked(RandomObject *self, PyObject *arg)
{
    if (arg == NULL || arg == Py_None) {
        if (seed_from_urandom(self) < 0) {
            /* fall back to the time and pid */
            uint32_t key[4];
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            key[0] = (uint32_t)ts.tv_sec;
            key[1] = (uint32_t)ts.tv_nsec;
            key[2] = (uint32_t)getpid();
            clock_gettime(CLOCK_MONOTONIC, &ts);
            key[3] = (uint32_t)ts.tv_nsec;
            init_by_array(self, key, 4);
        }
        return 0;
    }
    PyObject *n;
    if (PyLong_CheckExact(arg)) {
        n = PyNumber_Absolute(arg);
    }
    else {
        Py_hash_t hash = PyObject_Hash(arg);
        if (hash == -1) {
            return -1;
        }
        n = PyLong_FromSize_t((size_t)(hash < 0 ? -(size_t)hash : (size_t)hash));
        if (hash < 0 && n != NULL) {
            /* abs of a negative hash, as size_t arithmetic would wrap */
            Py_SETREF(n, PyLong_FromUnsignedLongLong(
                hash == PY_SSIZE_T_MIN ? (unsigned long long)PY_SSIZE_T_MAX + 1
                                       : (unsigned long long)(-hash)));
        }
    }
    if (n == NULL) {
        return -1;
    }
    size_t bits = _PyLong_NumBits(n);
    size_t keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = PyMem_Calloc(keyused, sizeof(uint32_t));
    if (key == NULL) {
        Py_DECREF(n);
        PyErr_NoMemory();
        return -1;
    }
    unsigned char *bytes = PyMem_Malloc(keyused * 4);
    if (bytes == NULL) {
        PyMem_Free(key);
        Py_DECREF(n);
        PyErr_NoMemory();
        return -1;
    }
    int r = _PyLong_AsByteArray((PyLongObject *)n, bytes, keyused * 4, 1, 0, 1);
    Py_DECREF(n);
    if (r < 0) {
        PyMem_Free(bytes);
        PyMem_Free(key);
        return -1;
    }
    for (size_t i = 0; i < keyused; i++) {
        key[i] = (uint32_t)bytes[4 * i] | ((uint32_t)bytes[4 * i + 1] << 8) |
                 ((uint32_t)bytes[4 * i + 2] << 16) | ((uint32_t)bytes[4 * i + 3] << 24);
    }
    init_by_array(self, key, keyused);
    PyMem_Free(bytes);
    PyMem_Free(key);
    return 0;
}

static PyObject *
random_seed(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seed", nargs, 0, 1)) {
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = random_seed_locked((RandomObject *)op, nargs ? args[0] : NULL);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
random_random(PyObject *op, PyObject *Py_UNUSED(a))
{
    RandomObject *self = (RandomObject *)op;
    uint32_t a, b;
    Py_BEGIN_CRITICAL_SECTION(op);
    a = genrand_uint32(self) >> 5;
    b = genrand_uint32(self) >> 6;
    Py_END_CRITICAL_SECTION();
    return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static PyObject *
random_getrandbits(PyObject *op, PyObject *arg)
{
    RandomObject *self = (RandomObject *)op;
    int overflow;
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL) {
        return NULL;
    }
    long long k = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow < 0 || k < 0) {
        PyErr_SetString(PyExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (overflow > 0 || k > (long long)PY_SSIZE_T_MAX / 2) {
        PyErr_SetString(PyExc_OverflowError, "getrandbits() argument too large");
        return NULL;
    }
    if (k == 0) {
        return PyLong_FromLong(0);
    }
    if (k <= 32) {
        uint32_t r;
        Py_BEGIN_CRITICAL_SECTION(op);
        r = genrand_uint32(self) >> (32 - k);
        Py_END_CRITICAL_SECTION();
        return PyLong_FromUnsignedLong(r);
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *bytes = PyMem_Malloc(words * 4);
    if (bytes == NULL) {
        return PyErr_NoMemory();
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    long long left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t r = genrand_uint32(self);
        if (left < 32) {
            r >>= (32 - left);   /* drop the unneeded low bits of the last word */
        }
        bytes[4 * i] = (unsigned char)r;
        bytes[4 * i + 1] = (unsigned char)(r >> 8);
        bytes[4 * i + 2] = (unsigned char)(r >> 16);
        bytes[4 * i + 3] = (unsigned char)(r >> 24);
    }
    Py_END_CRITICAL_SECTION();
    PyObject *res = _PyLong_FromByteArray(bytes, words * 4, 1, 0);
    PyMem_Free(bytes);
    return res;
}

static PyObject *
random_getstate(PyObject *op, PyObject *Py_UNUSED(a))
{
    RandomObject *self = (RandomObject *)op;
    PyObject *state = PyTuple_New(N + 1);
    if (state == NULL) {
        return NULL;
    }
    uint32_t copy[N];
    int index;
    Py_BEGIN_CRITICAL_SECTION(op);
    memcpy(copy, self->state, sizeof copy);
    index = self->index;
    Py_END_CRITICAL_SECTION();
    for (int i = 0; i < N; i++) {
        PyObject *v = PyLong_FromUnsignedLong(copy[i]);
        if (v == NULL) {
            Py_DECREF(state);
            return NULL;
        }
        PyTuple_SET_ITEM(state, i, v);
    }
    PyObject *v = PyLong_FromLong(index);
    if (v == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyTuple_SET_ITEM(state, N, v);
    return state;
}

static PyObject *
random_setstate(PyObject *op, PyObject *state)
{
    RandomObject *self = (RandomObject *)op;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_Size(state) != N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t newstate[N];
    for (int i = 0; i < N; i++) {
        unsigned long v = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(state, i));
        if (v == (unsigned long)-1 && PyErr_Occurred()) {
            return NULL;
        }
        newstate[i] = (uint32_t)v;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, N));
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (index < 0 || index > N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    memcpy(self->state, newstate, sizeof newstate);
    self->index = (int)index;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static int random_init(PyObject *self, PyObject *args, PyObject *kwds);

/* Free through the instance's type: a Python subclass is a GC type, so its
 * instances carry a GC header and must go back through PyObject_GC_Del
 * (freeing them with PyObject_Free passed an interior pointer to the
 * allocator and corrupted the heap). */
static void
random_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
random_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* Random itself, and subclasses keeping its __init__, take no keyword
     * arguments and at most the seed. */
    if (type->tp_init == random_init) {
        if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
            PyErr_SetString(PyExc_TypeError, "Random() takes no keyword arguments");
            return NULL;
        }
        if (PyTuple_GET_SIZE(args) > 1) {
            PyErr_SetString(PyExc_TypeError, "Random() requires 0 or 1 argument");
            return NULL;
        }
    }
    RandomObject *self = (RandomObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (random_seed_locked(self, NULL) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) == 1) {
        int r;
        Py_BEGIN_CRITICAL_SECTION(self);
        r = random_seed_locked((RandomObject *)self, PyTuple_GET_ITEM(args, 0));
        Py_END_CRITICAL_SECTION();
        return r;
    }
    return 0;
}

static PyMethodDef random_methods[] = {
    {"random", random_random, METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", (PyCFunction)(void (*)(void))random_seed, METH_FASTCALL,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\n"
     "of the current time and the process identifier."},
    {"getstate", random_getstate, METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, METH_O,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RandomType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_dealloc = random_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = random_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = random_new,
    .tp_free = PyObject_Free,
};

static int
random_exec(PyObject *module)
{
    if (PyType_Ready(&RandomType) < 0) {
        return -1;
    }
    return PyModule_AddType(module, &RandomType);
}

static PyModuleDef_Slot random_slots[] = {
    {Py_mod_exec, random_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef randommodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_random",
    .m_doc = "Module implements the Mersenne Twister random number generator.",
    .m_size = 0,
    .m_slots = random_slots,
};

PyMODINIT_FUNC PyInit__random(void)
{
    return PyModuleDef_Init(&randommodule);
}
