/* timemodule.c: the `time` module: clocks (time, monotonic, perf_counter,
 * process_time, thread_time and their _ns forms), sleep (detached from the
 * runtime so other threads run), struct_time with gmtime/localtime/mktime/
 * asctime/ctime/strftime, a small strptime written in C (numeric fields,
 * month/day names, %p, %f, %z, %%; CPython does this in _strptime.py),
 * the timezone variables and get_clock_info. */
#include "Python.h"
#include "structseq.h"
#include <time.h>
#include <errno.h>
#include <math.h>
#include <ctype.h>
#include <stdint.h>
#ifdef Py_GIL_DISABLED
#include "pycore_critical_section.h"
/* Sleeps at least this long are quiet waits. */
#define QUIET_SLEEP_NS (2 * 1000 * 1000)
#endif

/* ---- clocks ---- */

static int
clock_ns(clockid_t clk, int64_t *out)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    *out = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return 0;
}

static PyObject *
clock_float(clockid_t clk)
{
    int64_t ns;
    if (clock_ns(clk, &ns) < 0) {
        return NULL;
    }
    /* Split so that whole seconds convert exactly. */
    double secs = (double)(ns / 1000000000) + (double)(ns % 1000000000) * 1e-9;
    return PyFloat_FromDouble(secs);
}

static PyObject *
clock_int(clockid_t clk)
{
    int64_t ns;
    if (clock_ns(clk, &ns) < 0) {
        return NULL;
    }
    return PyLong_FromLongLong(ns);
}

#define CLOCK_FUNCS(NAME, CLK)                                              \
    static PyObject *time_##NAME(PyObject *m, PyObject *Py_UNUSED(a))       \
    {                                                                       \
        return clock_float(CLK);                                            \
    }                                                                       \
    static PyObject *time_##NAME##_ns(PyObject *m, PyObject *Py_UNUSED(a))  \
    {                                                                       \
        return clock_int(CLK);                                              \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* ---- sleep ---- */

/* A number of seconds (int or float) as nanoseconds, rounded up as CPython
 * does for timeouts.  -1 with an exception on failure. */
static int
object_to_ns(PyObject *obj, int64_t *out, int *negative)
{
    *negative = 0;
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AS_DOUBLE(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * 1e9);
        if (d < 0) {
            *negative = 1;
            return 0;
        }
        if (d >= 9.2e18) {
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *out = (int64_t)d;
        return 0;
    }
    PyObject *n = PyNumber_Index(obj);
    if (n == NULL) {
        return -1;
    }
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow < 0 || v < 0) {
        *negative = 1;
        return 0;
    }
    if (overflow > 0 || v > INT64_MAX / 1000000000) {
        PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = v * 1000000000;
    return 0;
}

static PyObject *
time_sleep(PyObject *m, PyObject *arg)
{
    int64_t ns;
    int negative;
    if (object_to_ns(arg, &ns, &negative) < 0) {
        return NULL;
    }
    if (negative) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t total = (int64_t)deadline.tv_nsec + ns % 1000000000;
    deadline.tv_sec += (time_t)(ns / 1000000000 + total / 1000000000);
    deadline.tv_nsec = (long)(total % 1000000000);
    for (;;) {
        int err;
        PyThreadState *ts = PyEval_SaveThread();
#ifdef Py_GIL_DISABLED
        /* A long sleep is a quiet wait (Python/critical_section.c): once
         * detached, the sleeper holds no object's mutex. */
        int quiet = ts != NULL && ns >= QUIET_SLEEP_NS;
        if (quiet) {
            _PyCriticalSection_BeginQuietWait(ts);
        }
#endif
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
#ifdef Py_GIL_DISABLED
        if (quiet) {
            _PyCriticalSection_EndQuietWait(ts);
        }
#endif
        PyEval_RestoreThread(ts);
        if (err == 0) {
            break;
        }
        if (err != EINTR) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        /* Interrupted by a signal: run the handlers, then sleep on. */
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* ---- struct_time ---- */

static PyStructSequence_Field struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.",
    struct_time_fields,
    9,
};

static PyTypeObject StructTimeType;

static PyObject *
tmtotuple(const struct tm *p, const char *zone, long gmtoff)
{
    PyObject *v = PyStructSequence_New(&StructTimeType);
    if (v == NULL) {
        return NULL;
    }
    int vals[9] = {p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min,
                   p->tm_sec, (p->tm_wday + 6) % 7, p->tm_yday + 1, p->tm_isdst};
    for (int i = 0; i < 9; i++) {
        PyObject *x = PyLong_FromLong(vals[i]);
        if (x == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, x);
    }
    PyObject *z = zone ? PyUnicode_DecodeLocale(zone, "surrogateescape") : Py_NewRef(Py_None);
    PyObject *off = PyLong_FromLong(gmtoff);
    if (z == NULL || off == NULL) {
        Py_XDECREF(z);
        Py_XDECREF(off);
        Py_DECREF(v);
        return NULL;
    }
    PyStructSequence_SetItem(v, 9, z);
    PyStructSequence_SetItem(v, 10, off);
    return v;
}

/* secs argument (None = now) as time_t, rounding toward -inf. */
static int
parse_time_t(PyObject *obj, time_t *out)
{
    if (obj == NULL || obj == Py_None) {
        *out = time(NULL);
        return 0;
    }
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AS_DOUBLE(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    PyObject *n = PyNumber_Index(obj);
    if (n == NULL) {
        return -1;
    }
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static PyObject *
time_gmtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("gmtime", nargs, 0, 1)) {
        return NULL;
    }
    time_t t;
    if (parse_time_t(nargs ? args[0] : NULL, &t) < 0) {
        return NULL;
    }
    struct tm buf;
    errno = 0;
    if (gmtime_r(&t, &buf) == NULL) {
        if (errno == 0) {
            errno = EINVAL;
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tmtotuple(&buf, buf.tm_zone, buf.tm_gmtoff);
}

static int
local_tm(time_t t, struct tm *buf)
{
    errno = 0;
    if (localtime_r(&t, buf) == NULL) {
        if (errno == 0) {
            errno = EINVAL;
        }
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static PyObject *
time_localtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("localtime", nargs, 0, 1)) {
        return NULL;
    }
    time_t t;
    if (parse_time_t(nargs ? args[0] : NULL, &t) < 0) {
        return NULL;
    }
    struct tm buf;
    if (local_tm(t, &buf) < 0) {
        return NULL;
    }
    return tmtotuple(&buf, buf.tm_zone, buf.tm_gmtoff);
}

/* A struct_time or 9-tuple into a struct tm (tm_zone/tm_gmtoff too when
 * given a struct_time).  `zone_keep` holds the zone string's owner. */
static int
gettmarg(PyObject *arg, struct tm *p, const char *fname, PyObject **zone_keep)
{
    memset(p, 0, sizeof(*p));
    *zone_keep = NULL;
    if (!PyTuple_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PyTuple_GET_SIZE(arg) != 9) {
        PyErr_Format(PyExc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        PyObject *item = PyTuple_GET_ITEM(arg, i);
        if (PyFloat_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        long x = PyLong_AsLong(item);
        if (x == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (x > INT_MAX || x < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        v[i] = (int)x;
    }
    p->tm_year = v[0] - 1900;
    p->tm_mon = v[1] - 1;
    p->tm_mday = v[2];
    p->tm_hour = v[3];
    p->tm_min = v[4];
    p->tm_sec = v[5];
    p->tm_wday = (v[6] + 1) % 7;
    if (p->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return -1;
    }
    p->tm_yday = v[7] - 1;
    p->tm_isdst = v[8];
    if (Py_IS_TYPE(arg, &StructTimeType)) {
        PyObject *zone = PyStructSequence_GetItem(arg, 9);
        PyObject *off = PyStructSequence_GetItem(arg, 10);
        if (zone != NULL && zone != Py_None) {
            *zone_keep = PyUnicode_EncodeLocale(zone, "surrogateescape");
            if (*zone_keep == NULL) {
                return -1;
            }
            p->tm_zone = PyBytes_AS_STRING(*zone_keep);
        }
        if (off != NULL && off != Py_None) {
            p->tm_gmtoff = PyLong_AsLong(off);
            if (p->tm_gmtoff == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
    }
    return 0;
}

/* Range checks shared by asctime and strftime. */
static int
checktm(struct tm *buf)
{
    if (buf->tm_mon == -1) {
        buf->tm_mon = 0;
    }
    else if (buf->tm_mon < 0 || buf->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return -1;
    }
    if (buf->tm_mday == 0) {
        buf->tm_mday = 1;
    }
    else if (buf->tm_mday < 0 || buf->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return -1;
    }
    if (buf->tm_hour < 0 || buf->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return -1;
    }
    if (buf->tm_min < 0 || buf->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return -1;
    }
    if (buf->tm_sec < 0 || buf->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return -1;
    }
    if (buf->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return -1;
    }
    if (buf->tm_yday == -1) {
        buf->tm_yday = 0;
    }
    else if (buf->tm_yday < 0 || buf->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

static PyObject *
time_mktime(PyObject *m, PyObject *arg)
{
    struct tm buf;
    PyObject *keep;
    if (gettmarg(arg, &buf, "mktime", &keep) < 0) {
        Py_XDECREF(keep);
        return NULL;
    }
    Py_XDECREF(keep);
    buf.tm_zone = NULL;
    buf.tm_wday = -1;   /* sentinel: mktime leaves it untouched on failure */
    time_t tt = mktime(&buf);
    if (tt == (time_t)-1 && buf.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)tt);
}

static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static PyObject *
format_asctime(const struct tm *t)
{
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t->tm_wday],
                                mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min,
                                t->tm_sec, 1900 + t->tm_year);
}

static PyObject *
time_asctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("asctime", nargs, 0, 1)) {
        return NULL;
    }
    struct tm buf;
    if (nargs == 0) {
        if (local_tm(time(NULL), &buf) < 0) {
            return NULL;
        }
    }
    else {
        PyObject *keep;
        int r = gettmarg(args[0], &buf, "asctime", &keep);
        Py_XDECREF(keep);
        if (r < 0 || checktm(&buf) < 0) {
            return NULL;
        }
    }
    return format_asctime(&buf);
}

static PyObject *
time_ctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("ctime", nargs, 0, 1)) {
        return NULL;
    }
    time_t t;
    struct tm buf;
    if (parse_time_t(nargs ? args[0] : NULL, &t) < 0 || local_tm(t, &buf) < 0) {
        return NULL;
    }
    return format_asctime(&buf);
}

static PyObject *
time_strftime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("strftime", nargs, 1, 2)) {
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "strftime() argument 1 must be str, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    struct tm buf;
    PyObject *keep = NULL;
    if (nargs == 1) {
        if (local_tm(time(NULL), &buf) < 0) {
            return NULL;
        }
    }
    else {
        if (gettmarg(args[1], &buf, "strftime", &keep) < 0 || checktm(&buf) < 0) {
            Py_XDECREF(keep);
            return NULL;
        }
    }
    if (buf.tm_isdst < -1) {
        buf.tm_isdst = -1;
    }
    else if (buf.tm_isdst > 1) {
        buf.tm_isdst = 1;
    }
    PyObject *fmtb = PyUnicode_EncodeLocale(args[0], "surrogateescape");
    if (fmtb == NULL) {
        Py_XDECREF(keep);
        return NULL;
    }
    const char *fmt = PyBytes_AS_STRING(fmtb);
    size_t fmtlen = (size_t)PyBytes_GET_SIZE(fmtb);
    if (strlen(fmt) != fmtlen) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(fmtb);
        Py_XDECREF(keep);
        return NULL;
    }
    PyObject *res = NULL;
    if (fmtlen == 0) {
        res = PyUnicode_FromString("");
    }
    else {
        /* strftime returns 0 both for "too small" and for an empty result;
         * grow the buffer up to a generous bound. */
        for (size_t size = 1024;; size *= 2) {
            char *out = PyMem_Malloc(size);
            if (out == NULL) {
                PyErr_NoMemory();
                break;
            }
            size_t n = strftime(out, size, fmt, &buf);
            if (n > 0 || size >= 256 * fmtlen + 4096) {
                res = PyUnicode_DecodeLocale(n > 0 ? out : "", "surrogateescape");
                if (n > 0 && res != NULL && (size_t)PyUnicode_GET_LENGTH(res) < n) {
                    Py_SETREF(res, PyUnicode_DecodeLocale(out, "surrogateescape"));
                }
                PyMem_Free(out);
                break;
            }
            PyMem_Free(out);
        }
    }
    Py_DECREF(fmtb);
    Py_XDECREF(keep);
    return res;
}

/* ---- strptime (a compact C version) ---- */

static const char *const full_month[12] = {"january", "february", "march", "april", "may", "june",
                                           "july", "august", "september", "october", "november",
                                           "december"};
static const char *const full_wday[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
static const char *const abbr_wday[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int
parse_num(const char **s, int maxdigits, int *out)
{
    const char *p = *s;
    int v = 0, n = 0;
    while (n < maxdigits && isdigit((unsigned char)*p)) {
        v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    if (n == 0) {
        return -1;
    }
    *s = p;
    *out = v;
    return 0;
}

/* Match one of the names (full first, then 3-letter abbreviations). */
static int
parse_name(const char **s, const char *const *full, int count, int *out)
{
    for (int i = 0; i < count; i++) {
        size_t n = strlen(full[i]);
        if (strncasecmp(*s, full[i], n) == 0) {
            *s += n;
            *out = i;
            return 0;
        }
    }
    for (int i = 0; i < count; i++) {
        if (strncasecmp(*s, full[i], 3) == 0) {
            *s += 3;
            *out = i;
            return 0;
        }
    }
    return -1;
}

static int
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
day_of_year(int y, int mon, int mday)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return cum[mon - 1] + mday + (mon > 2 && is_leap(y));
}

/* Monday = 0 */
static int
weekday(int y, int mon, int mday)
{
    /* days since 0001-01-01 (a Monday) in the proleptic Gregorian calendar */
    long y1 = y - 1;
    long days = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400 + day_of_year(y, mon, mday) - 1;
    return (int)(days % 7);
}

static PyObject *
time_strptime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("strptime", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *str = args[0];
    PyObject *fmtobj = nargs > 1 ? args[1] : NULL;
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "strptime() argument 0 must be str, not %.50s",
                     Py_TYPE(str)->tp_name);
        return NULL;
    }
    if (fmtobj != NULL && !PyUnicode_Check(fmtobj)) {
        PyErr_Format(PyExc_TypeError, "strptime() argument 1 must be str, not %.50s",
                     Py_TYPE(fmtobj)->tp_name);
        return NULL;
    }
    const char *s0 = PyUnicode_AsUTF8AndSize(str, NULL);
    const char *f = fmtobj ? PyUnicode_AsUTF8AndSize(fmtobj, NULL) : "%a %b %d %H:%M:%S %Y";
    if (s0 == NULL || f == NULL) {
        return NULL;
    }
    const char *s = s0;
    int year = 1900, mon = 1, mday = 1, hour = 0, min = 0, sec = 0, yday = -1, wday = -1;
    int pm = -1, hour12 = -1;
    long gmtoff = 0;
    int have_gmtoff = 0;
    for (; *f; f++) {
        if (isspace((unsigned char)*f)) {
            while (isspace((unsigned char)*s)) {
                s++;
            }
            continue;
        }
        if (*f != '%') {
            if (*s != *f) {
                goto nomatch;
            }
            s++;
            continue;
        }
        f++;
        int v;
        switch (*f) {
        case 'Y':
            if (parse_num(&s, 4, &year) < 0) goto nomatch;
            break;
        case 'y':
            if (parse_num(&s, 2, &v) < 0) goto nomatch;
            year = v < 69 ? 2000 + v : 1900 + v;
            break;
        case 'm':
            if (parse_num(&s, 2, &mon) < 0 || mon < 1 || mon > 12) goto nomatch;
            break;
        case 'd':
            if (parse_num(&s, 2, &mday) < 0 || mday < 1 || mday > 31) goto nomatch;
            break;
        case 'H':
            if (parse_num(&s, 2, &hour) < 0 || hour > 23) goto nomatch;
            break;
        case 'I':
            if (parse_num(&s, 2, &hour12) < 0 || hour12 < 1 || hour12 > 12) goto nomatch;
            break;
        case 'M':
            if (parse_num(&s, 2, &min) < 0 || min > 59) goto nomatch;
            break;
        case 'S':
            if (parse_num(&s, 2, &sec) < 0 || sec > 61) goto nomatch;
            break;
        case 'f':
            if (parse_num(&s, 6, &v) < 0) goto nomatch;
            break;
        case 'j':
            if (parse_num(&s, 3, &yday) < 0 || yday < 1 || yday > 366) goto nomatch;
            break;
        case 'b': case 'B': case 'h':
            if (parse_name(&s, full_month, 12, &v) < 0) goto nomatch;
            mon = v + 1;
            break;
        case 'a': case 'A':
            if (parse_name(&s, full_wday, 7, &wday) < 0) goto nomatch;
            (void)abbr_wday;
            break;
        case 'p':
            if (strncasecmp(s, "am", 2) == 0) pm = 0;
            else if (strncasecmp(s, "pm", 2) == 0) pm = 1;
            else goto nomatch;
            s += 2;
            break;
        case 'z': {
            if (*s == 'Z') {
                s++;
                have_gmtoff = 1;
                break;
            }
            int sign = *s == '-' ? -1 : *s == '+' ? 1 : 0;
            int hh, mm = 0;
            if (sign == 0) goto nomatch;
            s++;
            if (parse_num(&s, 2, &hh) < 0) goto nomatch;
            if (*s == ':') s++;
            if (parse_num(&s, 2, &mm) < 0) goto nomatch;
            gmtoff = sign * (hh * 3600L + mm * 60L);
            have_gmtoff = 1;
            break;
        }
        case '%':
            if (*s != '%') goto nomatch;
            s++;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "'%c' is a bad directive in format '%s'", *f,
                         fmtobj ? PyUnicode_AsUTF8AndSize(fmtobj, NULL) : "");
            return NULL;
        }
    }
    if (*s != '\0') {
        PyErr_Format(PyExc_ValueError, "unconverted data remains: %s", s);
        return NULL;
    }
    if (hour12 >= 0) {
        hour = hour12 % 12 + (pm == 1 ? 12 : 0);
    }
    if (yday > 0 && mon == 1 && mday == 1) {
        /* derive month/day from the day of the year */
        int leap = is_leap(year);
        static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int d = yday;
        mon = 1;
        while (mon <= 12 && d > mdays[mon - 1] + (mon == 2 && leap)) {
            d -= mdays[mon - 1] + (mon == 2 && leap);
            mon++;
        }
        mday = d;
    }
    if (mday > 28) {
        static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (mday > mdays[mon - 1] + (mon == 2 && is_leap(year))) {
            PyErr_SetString(PyExc_ValueError, "day is out of range for month");
            return NULL;
        }
    }
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_year = year - 1900;
    t.tm_mon = mon - 1;
    t.tm_mday = mday;
    t.tm_hour = hour;
    t.tm_min = min;
    t.tm_sec = sec;
    t.tm_wday = (weekday(year, mon, mday) + 1) % 7;
    t.tm_yday = (yday > 0 ? yday : day_of_year(year, mon, mday)) - 1;
    t.tm_isdst = -1;
    PyObject *res = tmtotuple(&t, NULL, 0);
    if (res != NULL && have_gmtoff) {
        PyStructSequence_SetItem(res, 10, PyLong_FromLong(gmtoff));
    }
    else if (res != NULL) {
        PyStructSequence_SetItem(res, 10, Py_NewRef(Py_None));
    }
    return res;
nomatch:
    if (fmtobj == NULL) {
        fmtobj = PyUnicode_FromString("%a %b %d %H:%M:%S %Y");
        if (fmtobj == NULL) {
            return NULL;
        }
        PyErr_Format(PyExc_ValueError, "time data %R does not match format %R", str, fmtobj);
        Py_DECREF(fmtobj);
        return NULL;
    }
    PyErr_Format(PyExc_ValueError, "time data %R does not match format %R", str, fmtobj);
    return NULL;
}

/* ---- get_clock_info: a small namespace object ---- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} ClockInfo;

static void
clockinfo_dealloc(PyObject *op)
{
    Py_XDECREF(((ClockInfo *)op)->dict);
    PyObject_Free(op);
}

static PyObject *
clockinfo_repr(PyObject *op)
{
    PyObject *d = ((ClockInfo *)op)->dict;
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(d, &pos, &k, &v)) {
        PyObject *s = PyUnicode_FromFormat("%U=%R", k, v);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("namespace(%U)", joined);
    Py_DECREF(joined);
    return r;
}

static PyTypeObject ClockInfoType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(ClockInfo),
    .tp_dealloc = clockinfo_dealloc,
    .tp_repr = clockinfo_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dictoffset = offsetof(ClockInfo, dict),
};

static PyObject *
time_get_clock_info(PyObject *m, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "get_clock_info() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (name == NULL) {
        return NULL;
    }
    const char *impl;
    clockid_t clk;
    int monotonic = 1, adjustable = 0;
    if (strcmp(name, "time") == 0) {
        impl = "clock_gettime(CLOCK_REALTIME)";
        clk = CLOCK_REALTIME;
        monotonic = 0;
        adjustable = 1;
    }
    else if (strcmp(name, "monotonic") == 0 || strcmp(name, "perf_counter") == 0) {
        impl = "clock_gettime(CLOCK_MONOTONIC)";
        clk = CLOCK_MONOTONIC;
    }
    else if (strcmp(name, "process_time") == 0) {
        impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
        clk = CLOCK_PROCESS_CPUTIME_ID;
    }
    else if (strcmp(name, "thread_time") == 0) {
        impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
        clk = CLOCK_THREAD_CPUTIME_ID;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "unknown clock");
        return NULL;
    }
    struct timespec res;
    double resolution = 1e-9;
    if (clock_getres(clk, &res) == 0) {
        resolution = (double)res.tv_sec + (double)res.tv_nsec * 1e-9;
    }
    ClockInfo *info = PyObject_New(ClockInfo, &ClockInfoType);
    if (info == NULL) {
        return NULL;
    }
    info->dict = Py_BuildValue("{sssOsOsd}", "implementation", impl, "monotonic",
                               monotonic ? Py_True : Py_False, "adjustable",
                               adjustable ? Py_True : Py_False, "resolution", resolution);
    if (info->dict == NULL) {
        Py_DECREF(info);
        return NULL;
    }
    return (PyObject *)info;
}

/* ---- timezone data ---- */

static int
init_timezone(PyObject *module)
{
    tzset();
    time_t now = time(NULL);
    struct tm tm_now;
    if (localtime_r(&now, &tm_now) == NULL) {
        return 0;
    }
    int year = tm_now.tm_year;
    struct tm jan = {0}, jul = {0};
    jan.tm_year = jul.tm_year = year;
    jan.tm_mday = jul.tm_mday = 1;
    jan.tm_isdst = jul.tm_isdst = -1;
    jul.tm_mon = 6;
    time_t tjan = mktime(&jan), tjul = mktime(&jul);
    (void)tjan;
    (void)tjul;
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    char janname[32], julname[32];
    snprintf(janname, sizeof janname, "%s", jan.tm_zone ? jan.tm_zone : "");
    snprintf(julname, sizeof julname, "%s", jul.tm_zone ? jul.tm_zone : "");
    PyObject *tzname;
    long tz, alt;
    if (janoff < juloff) {
        /* southern hemisphere: DST in January */
        tz = juloff;
        alt = janoff;
        tzname = Py_BuildValue("(NN)", PyUnicode_DecodeLocale(julname, "surrogateescape"),
                               PyUnicode_DecodeLocale(janname, "surrogateescape"));
    }
    else {
        tz = janoff;
        alt = juloff;
        tzname = Py_BuildValue("(NN)", PyUnicode_DecodeLocale(janname, "surrogateescape"),
                               PyUnicode_DecodeLocale(julname, "surrogateescape"));
    }
    if (tzname == NULL) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "timezone", tz) < 0 ||
        PyModule_AddIntConstant(module, "altzone", alt) < 0 ||
        PyModule_AddIntConstant(module, "daylight", janoff != juloff) < 0 ||
        PyModule_Add(module, "tzname", tzname) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *
time_tzset(PyObject *m, PyObject *Py_UNUSED(a))
{
    if (init_timezone(m) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

#define FAST(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL

static PyMethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, METH_NOARGS, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, METH_NOARGS, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, METH_NOARGS, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, METH_NOARGS, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, METH_NOARGS, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, METH_NOARGS, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, METH_NOARGS, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, METH_O, "Delay execution for a given number of seconds."},
    {"gmtime", FAST(time_gmtime), "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", FAST(time_localtime), "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, METH_O, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", FAST(time_asctime), "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", FAST(time_ctime), "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", FAST(time_strftime), "Convert a time tuple to a string according to a format specification."},
    {"strptime", FAST(time_strptime), "Parse a string to a time tuple according to a format specification."},
    {"get_clock_info", time_get_clock_info, METH_O, "Get information of the specified clock."},
    {"tzset", time_tzset, METH_NOARGS, "Initialize, or reinitialize, the local timezone."},
    {NULL, NULL, 0, NULL},
};

static int
time_exec(PyObject *module)
{
    if (!(StructTimeType.tp_flags & Py_TPFLAGS_READY) &&
        PyStructSequence_InitType2(&StructTimeType, &struct_time_desc) < 0) {
        return -1;
    }
    if (PyType_Ready(&ClockInfoType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "struct_time", (PyObject *)&StructTimeType) < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        PyModule_AddIntConstant(module, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        PyModule_AddIntConstant(module, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        PyModule_AddIntConstant(module, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0) {
        return -1;
    }
    return init_timezone(module);
}

static PyModuleDef_Slot time_slots[] = {
    {Py_mod_exec, time_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef timemodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "time",
    .m_doc = "This module provides various functions to manipulate time values.",
    .m_size = 0,
    .m_methods = time_methods,
    .m_slots = time_slots,
};

PyMODINIT_FUNC PyInit_time(void)
{
    return PyModuleDef_Init(&timemodule);
}
