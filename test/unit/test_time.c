/* test_time.c: the time module: clocks, sleep (and its error), struct_time
 * from gmtime, strftime/asctime/mktime/strptime, get_clock_info. */
#include "osmods_test.h"

PyMODINIT_FUNC PyInit_time(void);

TestSuite(time, .init = weft_setup);

Test(time, clocks_and_sleep)
{
    PyObject *m = osm_load(PyInit_time, "time");
    PyObject *t0 = PyObject_CallMethod(m, "monotonic", NULL);
    cr_assert_str_eq(osm_call(m, "sleep", "(d)", 0.05), "None");
    PyObject *t1 = PyObject_CallMethod(m, "monotonic", NULL);
    cr_assert(PyFloat_AsDouble(t1) - PyFloat_AsDouble(t0) >= 0.045);
    cr_assert_str_eq(osm_call(m, "sleep", "(i)", -1), "ValueError: sleep length must be non-negative");
    cr_assert_str_eq(osm_call(m, "sleep", "(s)", "x"), "TypeError: 'str' object cannot be interpreted as an integer");
    cr_assert_str_eq(osm_call(m, "sleep", "(i)", 0), "None");
    PyObject *ns = PyObject_CallMethod(m, "time_ns", NULL);
    cr_assert(PyLong_Check(ns) && PyLong_AsLongLong(ns) > 1600000000LL * 1000000000LL);
    PyObject *pt = PyObject_CallMethod(m, "process_time", NULL);
    cr_assert(PyFloat_Check(pt) && PyFloat_AsDouble(pt) >= 0);
}

Test(time, struct_time_and_formatting)
{
    PyObject *m = osm_load(PyInit_time, "time");
    cr_assert_str_eq(osm_call(m, "gmtime", "(i)", 0),
                     "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, "
                     "tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)");
    PyObject *g = PyObject_CallMethod(m, "gmtime", "i", 1700000000);
    weft_assert_repr(PyObject_GetAttrString(g, "tm_zone"), "'GMT'");
    weft_assert_repr(PyObject_GetAttrString(g, "tm_gmtoff"), "0");
    PyObject *args = Py_BuildValue("(sO)", "%Y-%m-%d %H:%M:%S", g);
    cr_assert_str_eq(osm_call_kw(m, "strftime", args, NULL), "'2023-11-14 22:13:20'");
    PyObject *g0 = PyObject_CallMethod(m, "gmtime", "i", 0);
    args = Py_BuildValue("(O)", g0);
    cr_assert_str_eq(osm_call_kw(m, "asctime", args, NULL), "'Thu Jan  1 00:00:00 1970'");
    PyObject *lt = PyObject_CallMethod(m, "localtime", "i", 1000000);
    args = Py_BuildValue("(O)", lt);
    cr_assert_str_eq(osm_call_kw(m, "mktime", args, NULL), "1000000.0");
    cr_assert_str_eq(osm_call(m, "strptime", "(ss)", "2024-02-29", "%Y-%m-%d"),
                     "time.struct_time(tm_year=2024, tm_mon=2, tm_mday=29, tm_hour=0, tm_min=0, "
                     "tm_sec=0, tm_wday=3, tm_yday=60, tm_isdst=-1)");
    cr_assert_str_eq(osm_call(m, "strptime", "(ss)", "12 March 1999 03:04:05 PM", "%d %B %Y %I:%M:%S %p"),
                     "time.struct_time(tm_year=1999, tm_mon=3, tm_mday=12, tm_hour=15, tm_min=4, "
                     "tm_sec=5, tm_wday=4, tm_yday=71, tm_isdst=-1)");
    cr_assert_str_eq(osm_call(m, "strptime", "(ss)", "2024-02-30", "%Y-%m-%d"),
                     "ValueError: day is out of range for month");
    cr_assert_str_eq(osm_call(m, "strptime", "(ss)", "x2024", "%Y"),
                     "ValueError: time data 'x2024' does not match format '%Y'");
    cr_assert_str_eq(osm_call(m, "strptime", "(ss)", "2024x", "%Y"),
                     "ValueError: unconverted data remains: x");
    PyObject *info = PyObject_CallMethod(m, "get_clock_info", "s", "monotonic");
    weft_assert_repr(PyObject_GetAttrString(info, "monotonic"), "True");
    weft_assert_repr(PyObject_GetAttrString(info, "implementation"), "'clock_gettime(CLOCK_MONOTONIC)'");
    cr_assert_str_eq(osm_call(m, "get_clock_info", "(s)", "nope"), "ValueError: unknown clock");
    PyObject *tz = PyObject_GetAttrString(m, "tzname");
    cr_assert(PyTuple_Check(tz) && PyTuple_GET_SIZE(tz) == 2);
}
