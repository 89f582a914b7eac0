/* criterion/criterion.h (ThreadSanitizer builds only): a small stand-in for
 * Criterion's API, used when Weft is configured --with-thread-sanitizer.
 * Criterion's own runner cannot start under TSan (its shared-memory arena
 * cannot be mapped beside TSan's shadow memory), so the same test files are
 * compiled against this header and run by runner.c: each test in a forked
 * child, with its init/fini, timeout, expected exit code or signal.
 * It covers the subset of Criterion our tests use: Test, TestSuite,
 * cr_assert*, cr_expect*, cr_log_*, cr_skip_test. */
#ifndef WEFT_TSAN_CRITERION_H
#define WEFT_TSAN_CRITERION_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct criterion_test_extra_data {
    int _reserved;              /* lets the initializer start with a field */
    void (*init)(void);
    void (*fini)(void);
    int exit_code;
    int signal;
    double timeout;
    bool disabled;
    const char *description;
};

typedef void (*cr_test_fn)(void);
void cr_tsan_register_test(const char *suite, const char *name, cr_test_fn fn,
                           struct criterion_test_extra_data *extra);
void cr_tsan_register_suite(const char *suite, struct criterion_test_extra_data *extra);
void cr_tsan_fail(const char *file, int line, int fatal, const char *fmt, ...);
void cr_tsan_skip(const char *fmt, ...);

#define CR_TSAN_ID(suite, name, what) cr_tsan_##suite##_##name##_##what

#define Test(suite, name, ...)                                                  \
    static void CR_TSAN_ID(suite, name, impl)(void);                            \
    static struct criterion_test_extra_data CR_TSAN_ID(suite, name, extra) =    \
        { ._reserved = 0, __VA_ARGS__ };                                        \
    __attribute__((constructor)) static void CR_TSAN_ID(suite, name, reg)(void) \
    {                                                                           \
        cr_tsan_register_test(#suite, #name, CR_TSAN_ID(suite, name, impl),     \
                              &CR_TSAN_ID(suite, name, extra));                 \
    }                                                                           \
    static void CR_TSAN_ID(suite, name, impl)(void)

#define TestSuite(suite, ...)                                                   \
    static struct criterion_test_extra_data CR_TSAN_ID(suite, suite, sextra) =  \
        { ._reserved = 0, __VA_ARGS__ };                                        \
    __attribute__((constructor)) static void CR_TSAN_ID(suite, suite, sreg)(void) \
    {                                                                           \
        cr_tsan_register_suite(#suite, &CR_TSAN_ID(suite, suite, sextra));      \
    }

/* The message arguments are optional, as in Criterion. */
#define CR_TSAN_CHECK(fatal, cond, text, ...)                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            cr_tsan_fail(__FILE__, __LINE__, (fatal), "" __VA_ARGS__);          \
            if (!(fatal)) fprintf(stderr, "  (%s)\n", text);                    \
        }                                                                       \
    } while (0)

#define cr_assert(cond, ...)  CR_TSAN_CHECK(1, (cond), #cond, __VA_ARGS__)
#define cr_expect(cond, ...)  CR_TSAN_CHECK(0, (cond), #cond, __VA_ARGS__)
#define cr_assert_not(cond, ...) CR_TSAN_CHECK(1, !(cond), "!(" #cond ")", __VA_ARGS__)
#define cr_expect_not(cond, ...) CR_TSAN_CHECK(0, !(cond), "!(" #cond ")", __VA_ARGS__)
#define cr_assert_fail(...)   CR_TSAN_CHECK(1, 0, "fail", __VA_ARGS__)
#define cr_expect_fail(...)   CR_TSAN_CHECK(0, 0, "fail", __VA_ARGS__)

#define CR_TSAN_CMP(fatal, a, op, b, ...) \
    CR_TSAN_CHECK(fatal, ((a) op (b)), #a " " #op " " #b, __VA_ARGS__)
#define cr_assert_eq(a, b, ...)  CR_TSAN_CMP(1, a, ==, b, __VA_ARGS__)
#define cr_assert_neq(a, b, ...) CR_TSAN_CMP(1, a, !=, b, __VA_ARGS__)
#define cr_assert_lt(a, b, ...)  CR_TSAN_CMP(1, a, <, b, __VA_ARGS__)
#define cr_assert_leq(a, b, ...) CR_TSAN_CMP(1, a, <=, b, __VA_ARGS__)
#define cr_assert_gt(a, b, ...)  CR_TSAN_CMP(1, a, >, b, __VA_ARGS__)
#define cr_assert_geq(a, b, ...) CR_TSAN_CMP(1, a, >=, b, __VA_ARGS__)
#define cr_expect_eq(a, b, ...)  CR_TSAN_CMP(0, a, ==, b, __VA_ARGS__)
#define cr_expect_neq(a, b, ...) CR_TSAN_CMP(0, a, !=, b, __VA_ARGS__)
#define cr_expect_lt(a, b, ...)  CR_TSAN_CMP(0, a, <, b, __VA_ARGS__)
#define cr_expect_leq(a, b, ...) CR_TSAN_CMP(0, a, <=, b, __VA_ARGS__)
#define cr_expect_gt(a, b, ...)  CR_TSAN_CMP(0, a, >, b, __VA_ARGS__)
#define cr_expect_geq(a, b, ...) CR_TSAN_CMP(0, a, >=, b, __VA_ARGS__)
#define cr_assert_null(p, ...)     CR_TSAN_CHECK(1, (p) == NULL, #p " == NULL", __VA_ARGS__)
#define cr_assert_not_null(p, ...) CR_TSAN_CHECK(1, (p) != NULL, #p " != NULL", __VA_ARGS__)
#define cr_expect_null(p, ...)     CR_TSAN_CHECK(0, (p) == NULL, #p " == NULL", __VA_ARGS__)
#define cr_expect_not_null(p, ...) CR_TSAN_CHECK(0, (p) != NULL, #p " != NULL", __VA_ARGS__)
#define cr_assert_str_eq(a, b, ...)  CR_TSAN_CHECK(1, strcmp((a), (b)) == 0, #a " == " #b, __VA_ARGS__)
#define cr_assert_str_neq(a, b, ...) CR_TSAN_CHECK(1, strcmp((a), (b)) != 0, #a " != " #b, __VA_ARGS__)
#define cr_expect_str_eq(a, b, ...)  CR_TSAN_CHECK(0, strcmp((a), (b)) == 0, #a " == " #b, __VA_ARGS__)
#define cr_expect_str_neq(a, b, ...) CR_TSAN_CHECK(0, strcmp((a), (b)) != 0, #a " != " #b, __VA_ARGS__)
#define cr_assert_str_empty(s, ...)  CR_TSAN_CHECK(1, (s)[0] == '\0', #s " empty", __VA_ARGS__)
#define cr_assert_float_eq(a, b, eps, ...) \
    CR_TSAN_CHECK(1, ((a) - (b) <= (eps)) && ((b) - (a) <= (eps)), #a " ~= " #b, __VA_ARGS__)
#define cr_expect_float_eq(a, b, eps, ...) \
    CR_TSAN_CHECK(0, ((a) - (b) <= (eps)) && ((b) - (a) <= (eps)), #a " ~= " #b, __VA_ARGS__)
#define cr_assert_arr_eq(a, b, size, ...) CR_TSAN_CHECK(1, memcmp((a), (b), (size)) == 0, #a " == " #b, __VA_ARGS__)
#define cr_expect_arr_eq(a, b, size, ...) CR_TSAN_CHECK(0, memcmp((a), (b), (size)) == 0, #a " == " #b, __VA_ARGS__)

#define cr_log_info(...)  (fprintf(stderr, "[INFO] " __VA_ARGS__), fputc('\n', stderr))
#define cr_log_warn(...)  (fprintf(stderr, "[WARN] " __VA_ARGS__), fputc('\n', stderr))
#define cr_log_error(...) (fprintf(stderr, "[ERR ] " __VA_ARGS__), fputc('\n', stderr))
#define cr_skip_test(...) cr_tsan_skip("" __VA_ARGS__)

#endif /* WEFT_TSAN_CRITERION_H */
