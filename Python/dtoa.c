/* dtoa.c: conversions between doubles and decimal digit strings.
 *
 * We lean on glibc, whose printf ("%.*e", "%.*f") and strtod are correctly
 * rounded for every precision.  On top of that:
 *   - the shortest round-trip digit string (repr): take 18 correctly rounded
 *     digits once, then binary-search the digit count: round that string to
 *     k digits and check that strtod reads the candidate back as x.
 *     Rounding an already rounded string can go wrong only when the tail is
 *     exactly "500..0"; then we ask printf for that precision directly.
 *   - a locale-independent strtod (strtod_l with the "C" locale) that only
 *     accepts plain decimal syntax, so hex floats and "nan(...)" never slip
 *     through to Python.
 */
#include "Python.h"
#include "pycore_dtoa.h"

#include <float.h>
#include <locale.h>
#include <math.h>

/* ---- the "C" locale, created once ---------------------------------------- */

static void *c_locale;   /* a locale_t, published with compare-exchange */

static locale_t
get_c_locale(void)
{
    void *loc = _Py_atomic_load_ptr_acquire(&c_locale);
    if (loc == NULL) {
        locale_t fresh = newlocale(LC_NUMERIC_MASK | LC_CTYPE_MASK, "C", (locale_t)0);
        if (fresh == (locale_t)0) {
            return (locale_t)0;
        }
        void *expected = NULL;
        if (!_Py_atomic_compare_exchange_ptr(&c_locale, &expected, (void *)fresh)) {
            freelocale(fresh);   /* another thread won the race */
            loc = expected;
        }
        else {
            loc = (void *)fresh;
        }
    }
    return (locale_t)loc;
}

/* ---- string to double ------------------------------------------------------ */

double
_Py_dg_strtod(const char *s, char **endptr)
{
    /* Validate the syntax ourselves: strtod would also take hex, inf, nan
     * and leading whitespace. */
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    const char *digits_start = p;
    while (*p >= '0' && *p <= '9') {
        p++;
    }
    size_t ndig = (size_t)(p - digits_start);
    if (*p == '.') {
        p++;
        const char *frac = p;
        while (*p >= '0' && *p <= '9') {
            p++;
        }
        ndig += (size_t)(p - frac);
    }
    if (ndig == 0) {
        if (endptr) {
            *endptr = (char *)s;
        }
        errno = 0;
        return 0.0;
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-') {
            q++;
        }
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9') {
                q++;
            }
            p = q;
        }
    }
    size_t len = (size_t)(p - s);
    char small[128];
    char *copy = small;
    if (len >= sizeof(small)) {
        copy = (char *)PyMem_RawMalloc(len + 1);
        if (copy == NULL) {
            if (endptr) {
                *endptr = (char *)s;
            }
            errno = ENOMEM;
            return -1.0;
        }
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    locale_t loc = get_c_locale();
    errno = 0;
    char *end;
    double result = loc ? strtod_l(copy, &end, loc) : strtod(copy, &end);
    int saved = errno;
    if (copy != small) {
        PyMem_RawFree(copy);
    }
    if (endptr) {
        *endptr = (char *)s + len;
    }
    /* glibc reports ERANGE for subnormal results too; keep it only for a
     * true overflow or a nonzero literal that fell to zero. */
    if (saved == ERANGE && isfinite(result) && result != 0.0) {
        saved = 0;
    }
    errno = saved;
    return result;
}

/* ---- double to digits ------------------------------------------------------ */

/* Parse glibc's "%.*e" output (d[.ddd]e[+-]xx; the point may be a locale
 * character) into digits and exponent; returns the digit count. */
static int
split_e_format(const char *text, char *digits, int *exp10)
{
    int n = 0;
    const char *p = text;
    while (*p && *p != 'e' && *p != 'E') {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
        }
        p++;
    }
    digits[n] = '\0';
    *exp10 = (*p) ? atoi(p + 1) : 0;
    return n;
}

static char *
strip_and_own(const char *digits, int n, char **rve)
{
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    char *out = (char *)PyMem_Malloc((size_t)n + 1);
    if (out == NULL) {
        return NULL;
    }
    memcpy(out, digits, (size_t)n);
    out[n] = '\0';
    if (rve) {
        *rve = out + n;
    }
    return out;
}

/* Does 0.DIGITS[0..n) * 10**(exp10 + 1) read back as x? */
static int
reads_back(const char *digits, int n, int exp10, double x)
{
    char buf[48];
    memcpy(buf, digits, (size_t)n);
    /* "e<exp>" by hand: printf is the expensive part of this loop */
    int e = exp10 - n + 1;
    char *p = buf + n;
    *p++ = 'e';
    if (e < 0) {
        *p++ = '-';
        e = -e;
    }
    char tmp[8];
    int t = 0;
    do {
        tmp[t++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    while (t) {
        *p++ = tmp[--t];
    }
    *p = '\0';
    return _Py_dg_strtod(buf, NULL) == x;
}

/* Add one unit in the last place of out[0..k); returns 1 on carry-out
 * (out is then "1000..."). */
static int
bump_digits(char *out, int k)
{
    int i = k - 1;
    while (i >= 0 && out[i] == '9') {
        out[i] = '0';
        i--;
    }
    if (i < 0) {
        out[0] = '1';
        return 1;
    }
    out[i]++;
    return 0;
}

/* Round the digit string d (len n, not an exact tie) to k digits. */
static int
round_digits(const char *d, int n, int k, char *out)
{
    memcpy(out, d, (size_t)k);
    if (k < n && d[k] >= '5') {
        return bump_digits(out, k);
    }
    return 0;
}

/* The k-digit candidate for x: the 18-digit string d (len n, exponent e10)
 * rounded to k digits.  `exact` says what lies beyond d: 1 nothing (d is
 * exact), 0 something nonzero, -1 unknown (d was itself rounded).  An
 * apparent tie "500..0" is resolved from that, or by printf's own rounding
 * when unknown.  Returns the exponent of the candidate's first digit. */
static int
candidate(double x, const char *d, int n, int e10, int exact, int k, char *cand)
{
    int tie = (k < n && d[k] == '5');
    for (int i = k + 1; tie && i < n; i++) {
        if (d[i] != '0') {
            tie = 0;
        }
    }
    if (tie) {
        if (exact < 0) {
            char t2[64];
            int ce;
            snprintf(t2, sizeof(t2), "%.*e", k - 1, x);
            split_e_format(t2, cand, &ce);
            return ce;
        }
        memcpy(cand, d, (size_t)k);
        /* a true tie goes to even; anything beyond the 5 rounds up */
        if (exact == 0 || ((d[k - 1] - '0') & 1)) {
            return bump_digits(cand, k) ? e10 + 1 : e10;
        }
        return e10;
    }
    return round_digits(d, n, k, cand) ? e10 + 1 : e10;
}

/* 18 exact significant digits of x (and whether anything nonzero follows)
 * with 128-bit integer arithmetic, for 1e-5 <= x < 2**62 -- the values
 * people print most.  Returns 0 outside that range (use printf). */
static int
exact_seed(double x, char *d, int *pe10, int *rest_nonzero)
{
    if (!(x >= 1e-5 && x < 4.6e18)) {
        return 0;
    }
    int bexp;
    double fr = frexp(x, &bexp);
    uint64_t m = (uint64_t)ldexp(fr, 53);    /* x == m * 2**e exactly */
    int e = bexp - 53;
    int e10 = (int)floor(log10(x));
    for (int attempt = 0; attempt < 3; attempt++) {
        int s = 17 - e10;                     /* scale to 18 digits */
        if (s < 0 || s > 22 || e > 10 || e < -127) {
            return 0;
        }
        unsigned __int128 p = 1;
        for (int i = 0; i < s; i++) {
            p *= 10;
        }
        unsigned __int128 v = (unsigned __int128)m * p, q, rem;
        if (e >= 0) {
            q = v << e;
            rem = 0;
        }
        else {
            q = v >> -e;
            rem = v & ((((unsigned __int128)1) << -e) - 1);
        }
        const uint64_t lo = 100000000000000000ULL;    /* 10**17 */
        if (q < lo) {
            e10--;
            continue;
        }
        if (q >= lo * 10) {
            e10++;
            continue;
        }
        uint64_t qq = (uint64_t)q;
        for (int i = 17; i >= 0; i--) {
            d[i] = (char)('0' + qq % 10);
            qq /= 10;
        }
        d[18] = '\0';
        *pe10 = e10;
        *rest_nonzero = rem != 0;
        return 1;
    }
    return 0;
}

static char *
shortest_digits(double x, int *decpt, char **rve)
{
    /* 18 correctly rounded significant digits; every shorter candidate is
     * derived from them. */
    char text[64], d[40], cand[40];
    int e10, n, exact, rest_nonzero;
    if (exact_seed(x, d, &e10, &rest_nonzero)) {
        n = 18;
        exact = !rest_nonzero;
    }
    else {
        snprintf(text, sizeof(text), "%.17e", x);
        n = split_e_format(text, d, &e10);
        exact = -1;
    }

    int bexp;
    if (frexp(x, &bexp) != 0.5) {
        /* If k digits read back, so do k+1 (the nearest (k+1)-digit number
         * is at least as close), so binary search for the shortest. */
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            int ce = candidate(x, d, n, e10, exact, mid, cand);
            if (reads_back(cand, mid, ce, x)) {
                hi = mid;
            }
            else {
                lo = mid + 1;
            }
        }
        int ce = candidate(x, d, n, e10, exact, lo, cand);
        *decpt = ce + 1;
        return strip_and_own(cand, lo, rve);
    }
    /* A power of two: the interval below x is half as wide as the one
     * above, so the nearest k-digit string may fail while the next one up
     * reads back; go digit by digit and try both. */
    for (int k = 1; k <= 17; k++) {
        int ce = candidate(x, d, n, e10, exact, k, cand);
        if (reads_back(cand, k, ce, x)) {
            *decpt = ce + 1;
            return strip_and_own(cand, k, rve);
        }
        char up[40];
        memcpy(up, cand, (size_t)k);
        int ue = ce;
        if (bump_digits(up, k)) {
            ue = ce + 1;
        }
        if (reads_back(up, k, ue, x)) {
            *decpt = ue + 1;
            return strip_and_own(up, k, rve);
        }
    }
    /* Unreachable for IEEE doubles: 17 digits always read back. */
    *decpt = e10 + 1;
    return strip_and_own(d, 17, rve);
}

char *
_Py_dg_dtoa(double x, int mode, int ndigits, int *decpt, int *sign, char **rve)
{
    *sign = signbit(x) ? 1 : 0;
    x = fabs(x);
    if (x == 0.0 || !isfinite(x)) {
        /* zero; inf/nan are the caller's business but must not crash */
        *decpt = 1;
        return strip_and_own("0", 1, rve);
    }
    if (mode == 0) {
        return shortest_digits(x, decpt, rve);
    }
    if (mode == 2) {
        if (ndigits < 1) {
            ndigits = 1;
        }
        size_t size = (size_t)ndigits + 40;
        char *text = (char *)PyMem_Malloc(size);
        char *d = (char *)PyMem_Malloc(size);
        char *out = NULL;
        if (text != NULL && d != NULL) {
            snprintf(text, size, "%.*e", ndigits - 1, x);
            int e10;
            int n = split_e_format(text, d, &e10);
            *decpt = e10 + 1;
            out = strip_and_own(d, n, rve);
        }
        PyMem_Free(text);
        PyMem_Free(d);
        return out;
    }
    /* mode 3: a fixed number of places after the point */
    if (ndigits < 0) {
        ndigits = 0;
    }
    size_t size = (size_t)ndigits + DBL_MAX_10_EXP + 40;
    char *text = (char *)PyMem_Malloc(size);
    char *d = (char *)PyMem_Malloc(size);
    char *out = NULL;
    if (text != NULL && d != NULL) {
        snprintf(text, size, "%.*f", ndigits, x);
        int n = 0, intlen = -1;
        for (const char *p = text; *p; p++) {
            if (*p >= '0' && *p <= '9') {
                d[n++] = *p;
            }
            else if (intlen < 0) {
                intlen = n;     /* the decimal point, whatever the locale */
            }
        }
        if (intlen < 0) {
            intlen = n;
        }
        int lead = 0;
        while (lead < n - 1 && d[lead] == '0') {
            lead++;
        }
        if (d[lead] == '0') {
            *decpt = 1;     /* rounded to zero */
            out = strip_and_own("0", 1, rve);
        }
        else {
            *decpt = intlen - lead;
            out = strip_and_own(d + lead, n - lead, rve);
        }
    }
    PyMem_Free(text);
    PyMem_Free(d);
    return out;
}

void
_Py_dg_freedtoa(char *s)
{
    PyMem_Free(s);
}
