/* test_atomic.c: the _Py_atomic_* operations (Include/pyatomic.h): exact
 * totals under contention, and the semantics of compare-exchange, exchange,
 * and, or on every width. */
#include <criterion/criterion.h>
#include <pthread.h>
#include "Python.h"

#define NTHREADS 8
#define NADDS 1000000

static int64_t counter64;
static uint32_t counter32;

static void *
adder(void *arg)
{
    (void)arg;
    for (int i = 0; i < NADDS; i++) {
        _Py_atomic_add_int64(&counter64, 1);
        _Py_atomic_add_uint32(&counter32, 1);
    }
    return NULL;
}

Test(atomic, contended_add_is_exact)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        cr_assert_eq(pthread_create(&th[i], NULL, adder, NULL), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
    }
    cr_assert_eq(_Py_atomic_load_int64(&counter64), (int64_t)NTHREADS * NADDS);
    cr_assert_eq(_Py_atomic_load_uint32(&counter32), (uint32_t)NTHREADS * NADDS);
}

/* Contended compare-exchange loop: an increment built from CAS. */
static uintptr_t cas_counter;

static void *
cas_adder(void *arg)
{
    (void)arg;
    for (int i = 0; i < NADDS / 4; i++) {
        uintptr_t old = _Py_atomic_load_uintptr_relaxed(&cas_counter);
        while (!_Py_atomic_compare_exchange_uintptr(&cas_counter, &old, old + 1)) {
        }
    }
    return NULL;
}

Test(atomic, contended_cas_is_exact)
{
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        cr_assert_eq(pthread_create(&th[i], NULL, cas_adder, NULL), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
    }
    cr_assert_eq(cas_counter, (uintptr_t)NTHREADS * (NADDS / 4));
}

/* The same checks for every width.  `a` and `b` are distinct values with
 * the high bit of the type involved, to catch truncation. */
#define CHECK_WIDTH(NAME, T, A, B)                                            \
    do {                                                                      \
        T x = (T)(A);                                                         \
        cr_assert_eq(_Py_atomic_load_##NAME(&x), (T)(A));                     \
        cr_assert_eq(_Py_atomic_load_##NAME##_relaxed(&x), (T)(A));           \
        cr_assert_eq(_Py_atomic_load_##NAME##_acquire(&x), (T)(A));           \
        /* compare-exchange: failure reports the value found */              \
        T expected = (T)(B);                                                  \
        cr_assert_eq(_Py_atomic_compare_exchange_##NAME(&x, &expected, (T)0), \
                     0);                                                      \
        cr_assert_eq(expected, (T)(A));                                       \
        cr_assert_eq(x, (T)(A));                                              \
        /* success replaces */                                                \
        cr_assert_eq(_Py_atomic_compare_exchange_##NAME(&x, &expected, (T)(B)), \
                     1);                                                      \
        cr_assert_eq(x, (T)(B));                                              \
        /* exchange returns the old value */                                  \
        cr_assert_eq(_Py_atomic_exchange_##NAME(&x, (T)(A)), (T)(B));         \
        cr_assert_eq(x, (T)(A));                                              \
        /* add returns the old value and wraps like the type */              \
        cr_assert_eq(_Py_atomic_add_##NAME(&x, (T)1), (T)(A));                \
        cr_assert_eq(x, (T)((T)(A) + 1));                                     \
        /* and / or return the old value */                                   \
        _Py_atomic_store_##NAME(&x, (T)(A));                                  \
        cr_assert_eq(_Py_atomic_and_##NAME(&x, (T)(B)), (T)(A));              \
        cr_assert_eq(x, (T)((T)(A) & (T)(B)));                                \
        _Py_atomic_store_##NAME##_relaxed(&x, (T)(A));                        \
        cr_assert_eq(_Py_atomic_or_##NAME(&x, (T)(B)), (T)(A));               \
        cr_assert_eq(x, (T)((T)(A) | (T)(B)));                                \
        _Py_atomic_store_##NAME##_release(&x, (T)(B));                        \
        cr_assert_eq(x, (T)(B));                                              \
    } while (0)

Test(atomic, every_width)
{
    CHECK_WIDTH(int8, int8_t, -0x5b, 0x36);
    CHECK_WIDTH(uint8, uint8_t, 0xa5, 0x3c);
    CHECK_WIDTH(int16, int16_t, -0x5a5b, 0x3636);
    CHECK_WIDTH(uint16, uint16_t, 0xa5a5, 0x3c3c);
    CHECK_WIDTH(int32, int32_t, -0x5a5a5a5b, 0x36363636);
    CHECK_WIDTH(uint32, uint32_t, 0xa5a5a5a5u, 0x3c3c3c3cu);
    CHECK_WIDTH(int, int, -0x5a5a5a5b, 0x36363636);
    CHECK_WIDTH(uint, unsigned int, 0xa5a5a5a5u, 0x3c3c3c3cu);
    CHECK_WIDTH(int64, int64_t, -0x5a5a5a5a5a5a5a5bLL, 0x3636363636363636LL);
    CHECK_WIDTH(uint64, uint64_t, 0xa5a5a5a5a5a5a5a5ULL, 0x3c3c3c3c3c3c3c3cULL);
    CHECK_WIDTH(intptr, intptr_t, -0x5a5a5a5a5a5a5a5bLL, 0x3636363636363636LL);
    CHECK_WIDTH(uintptr, uintptr_t, 0xa5a5a5a5a5a5a5a5ULL, 0x3c3c3c3c3c3c3c3cULL);
    CHECK_WIDTH(ssize, Py_ssize_t, -0x5a5a5a5a5a5a5a5bLL, 0x3636363636363636LL);
}

Test(atomic, max_value_wraps)
{
    uint8_t u8 = 0xff;
    cr_assert_eq(_Py_atomic_add_uint8(&u8, 1), 0xff);
    cr_assert_eq(u8, 0);
    uint32_t u32 = UINT32_MAX;
    cr_assert_eq(_Py_atomic_add_uint32(&u32, 1), UINT32_MAX);
    cr_assert_eq(u32, 0);
    /* Neighbouring bytes are untouched by narrow operations. */
    uint8_t bytes[4] = { 1, 2, 3, 4 };
    _Py_atomic_or_uint8(&bytes[1], 0xf0);
    _Py_atomic_exchange_uint8(&bytes[2], 0x77);
    cr_assert_eq(bytes[0], 1);
    cr_assert_eq(bytes[1], 0xf2);
    cr_assert_eq(bytes[2], 0x77);
    cr_assert_eq(bytes[3], 4);
}

Test(atomic, pointers)
{
    int a = 1, b = 2;
    int *p = &a;
    cr_assert_eq(_Py_atomic_load_ptr(&p), &a);
    int *expected = &b;
    cr_assert_eq(_Py_atomic_compare_exchange_ptr(&p, &expected, &b), 0);
    cr_assert_eq(expected, &a);
    cr_assert_eq(_Py_atomic_compare_exchange_ptr(&p, &expected, &b), 1);
    cr_assert_eq(p, &b);
    cr_assert_eq(_Py_atomic_exchange_ptr(&p, &a), &b);
    cr_assert_eq(_Py_atomic_load_ptr_acquire(&p), &a);
    _Py_atomic_store_ptr_release(&p, NULL);
    cr_assert_null(_Py_atomic_load_ptr_relaxed(&p));
}
