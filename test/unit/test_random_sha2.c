/* test_random_sha2.c: _random.Random against CPython 3.13's sequences
 * (int seeds, negative and big seeds, getrandbits, state round trip,
 * errors) and the _sha2 hashes against hashlib's digests. */
#include "osmods_test.h"

PyMODINIT_FUNC PyInit__random(void);
PyMODINIT_FUNC PyInit__sha2(void);

TestSuite(random_sha2, .init = weft_setup);

static PyObject *
make_random(PyObject *m, PyObject *seed)
{
    PyObject *cls = PyObject_GetAttrString(m, "Random");
    PyObject *r = PyObject_CallOneArg(cls, seed);
    cr_assert_not_null(r, "%s", weft_error_utf8());
    return r;
}

Test(random_sha2, mersenne_twister_matches_cpython)
{
    PyObject *m = osm_load(PyInit__random, "_random");
    PyObject *r = make_random(m, PyLong_FromLong(42));
    weft_assert_repr(PyObject_CallMethod(r, "random", NULL), "0.6394267984578837");
    weft_assert_repr(PyObject_CallMethod(r, "getrandbits", "i", 100), "259474555368124611114247330513");
    weft_assert_repr(PyObject_CallMethod(r, "getrandbits", "i", 32), "958682846");
    weft_assert_repr(PyObject_CallMethod(r, "getrandbits", "i", 5), "4");
    PyObject *big = PyLong_FromString("1267650600228229401496703205383", NULL, 10); /* 2**100 + 7 */
    weft_assert_repr(PyObject_CallMethod(make_random(m, big), "random", NULL), "0.41604161323913513");
    weft_assert_repr(PyObject_CallMethod(make_random(m, PyLong_FromLong(-5)), "random", NULL), "0.6229016948897019");
    weft_assert_repr(PyObject_CallMethod(make_random(m, PyLong_FromLong(0)), "random", NULL), "0.8444218515250481");
    PyObject *state = PyObject_CallMethod(r, "getstate", NULL);
    cr_assert_eq(PyTuple_GET_SIZE(state), 625);
    PyObject *a = PyObject_CallMethod(r, "random", NULL);
    cr_assert_not_null(PyObject_CallMethod(r, "setstate", "(O)", state));
    PyObject *b = PyObject_CallMethod(r, "random", NULL);
    cr_assert_eq(PyObject_RichCompareBool(a, b, Py_EQ), 1);
    cr_assert_null(PyObject_CallMethod(r, "getrandbits", "i", -1));
    weft_assert_error("ValueError: number of bits must be non-negative");
    cr_assert_null(PyObject_CallMethod(r, "setstate", "((i))", 1));
    weft_assert_error("ValueError: state vector is the wrong size");
    weft_assert_repr(PyObject_CallMethod(r, "getrandbits", "i", 0), "0");
}

Test(random_sha2, sha2_digests)
{
    PyObject *m = osm_load(PyInit__sha2, "_sha2");
    struct { const char *fn; const char *data; int repeat; const char *prefix; } cases[] = {
        {"sha512", "abc", 1, "ddaf35a193617abacc417349ae204131"},
        {"sha256", "a", 200, "c2a908d98f5df987ade41b5fce213067"},
        {"sha384", "", 0, "38b060a751ac96384cd9327eb1b1e36a"},
        {"sha224", "x", 64, "08c3050e95fe11eacb9dc7824bf6a92b"},
        {"sha512", "y", 112, "8a9b4960b8ba283f3ff4ae7c0cd9da8c"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[512];
        size_t n = 0;
        for (int k = 0; k < cases[i].repeat; k++) {
            size_t l = strlen(cases[i].data);
            memcpy(buf + n, cases[i].data, l);
            n += l;
        }
        PyObject *h = PyObject_CallMethod(m, cases[i].fn, "y#", buf, (Py_ssize_t)n);
        cr_assert_not_null(h);
        PyObject *hex = PyObject_CallMethod(h, "hexdigest", NULL);
        const char *s = PyUnicode_AsUTF8AndSize(hex, NULL);
        cr_assert(strncmp(s, cases[i].prefix, 32) == 0, "%s: %s", cases[i].fn, s);
    }
    /* incremental update equals one-shot */
    PyObject *h1 = PyObject_CallMethod(m, "sha512", "y", "hello world");
    PyObject *h2 = PyObject_CallMethod(m, "sha512", NULL);
    PyObject_CallMethod(h2, "update", "y", "hello ");
    PyObject *h3 = PyObject_CallMethod(h2, "copy", NULL);
    PyObject_CallMethod(h3, "update", "y", "world");
    cr_assert_eq(PyObject_RichCompareBool(PyObject_CallMethod(h1, "digest", NULL),
                                          PyObject_CallMethod(h3, "digest", NULL), Py_EQ), 1);
    weft_assert_repr(PyObject_GetAttrString(h1, "name"), "'sha512'");
    weft_assert_repr(PyObject_GetAttrString(h1, "digest_size"), "64");
    cr_assert_str_eq(osm_call(m, "sha512", "(s)", "x"), "TypeError: Strings must be encoded before hashing");
}
