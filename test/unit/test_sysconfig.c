/* test_sysconfig.c: _sysconfig.config_vars() reports the build variant. */
#include "osmods_test.h"

PyMODINIT_FUNC PyInit__sysconfig(void);

TestSuite(sysconfig, .init = weft_setup);

Test(sysconfig, config_vars)
{
    PyObject *m = osm_load(PyInit__sysconfig, "_sysconfig");
    PyObject *d = PyObject_CallMethod(m, "config_vars", NULL);
    cr_assert(PyDict_Check(d));
#ifdef Py_GIL_DISABLED
    weft_assert_repr(PyDict_GetItemString(d, "Py_GIL_DISABLED"), "1");
    weft_assert_repr(PyDict_GetItemString(d, "ABIFLAGS"), "'t'");
#else
    weft_assert_repr(PyDict_GetItemString(d, "Py_GIL_DISABLED"), "0");
    weft_assert_repr(PyDict_GetItemString(d, "ABIFLAGS"), "''");
#endif
    weft_assert_repr(PyDict_GetItemString(d, "VERSION"), "'3.13'");
}
