/* runner.c (ThreadSanitizer builds only): runs the tests registered through
 * the stand-in criterion/criterion.h beside it.  Each test runs in a forked
 * child (suite init, test init, body, fini), so a crash or a TSan report in
 * one test fails that test only; TSan's halt_on_error makes a report a
 * non-zero exit.  Prints Criterion's summary line at the end.
 * Usage: unit_tests [--filter=SUBSTRING] */

#include "criterion/criterion.h"
#include <signal.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TESTS 4096
#define MAX_SUITES 512
#define DEFAULT_TIMEOUT 300

struct test_entry {
    const char *suite, *name;
    cr_test_fn fn;
    struct criterion_test_extra_data *extra;
};
struct suite_entry {
    const char *suite;
    struct criterion_test_extra_data *extra;
};

static struct test_entry tests[MAX_TESTS];
static int ntests;
static struct suite_entry suites[MAX_SUITES];
static int nsuites;
static int failed_in_child;

void cr_tsan_register_test(const char *suite, const char *name, cr_test_fn fn,
                           struct criterion_test_extra_data *extra)
{
    if (ntests == MAX_TESTS) {
        fprintf(stderr, "too many tests\n");
        exit(2);
    }
    tests[ntests++] = (struct test_entry){suite, name, fn, extra};
}

void cr_tsan_register_suite(const char *suite, struct criterion_test_extra_data *extra)
{
    if (nsuites < MAX_SUITES) {
        suites[nsuites++] = (struct suite_entry){suite, extra};
    }
}

void cr_tsan_fail(const char *file, int line, int fatal, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: Assertion failed: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failed_in_child = 1;
    if (fatal) {
        _exit(1);
    }
}

void cr_tsan_skip(const char *fmt, ...)
{
    (void)fmt;
    _exit(77);
}

static struct criterion_test_extra_data *suite_extra(const char *suite)
{
    for (int i = 0; i < nsuites; i++) {
        if (strcmp(suites[i].suite, suite) == 0) {
            return suites[i].extra;
        }
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    const struct test_entry *x = a, *y = b;
    int c = strcmp(x->suite, y->suite);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv)
{
    const char *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--filter=", 9) == 0) {
            filter = argv[i] + 9;
        }
    }
    qsort(tests, (size_t)ntests, sizeof(tests[0]), by_name);
    int tested = 0, passing = 0, failing = 0, crashing = 0;
    for (int i = 0; i < ntests; i++) {
        struct test_entry *t = &tests[i];
        struct criterion_test_extra_data *s = suite_extra(t->suite);
        if (t->extra->disabled || (s && s->disabled)) {
            continue;
        }
        char full[512];
        snprintf(full, sizeof full, "%s::%s", t->suite, t->name);
        if (filter && !strstr(full, filter)) {
            continue;
        }
        tested++;
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            double timeout = t->extra->timeout > 0 ? t->extra->timeout
                           : (s && s->timeout > 0 ? s->timeout : DEFAULT_TIMEOUT);
            alarm((unsigned)(timeout + 0.999));
            if (s && s->init) s->init();
            if (t->extra->init) t->extra->init();
            t->fn();
            if (t->extra->fini) t->extra->fini();
            if (s && s->fini) s->fini();
            fflush(NULL);
            _exit(failed_in_child ? 1 : 0);
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0) {
        }
        int want_code = t->extra->exit_code ? t->extra->exit_code : (s ? s->exit_code : 0);
        int want_signal = t->extra->signal ? t->extra->signal : (s ? s->signal : 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
            tested--;
            continue;
        }
        int ok;
        if (WIFSIGNALED(status)) {
            ok = (WTERMSIG(status) == want_signal);
            if (!ok) {
                crashing++;
                fprintf(stderr, "[FAIL] %s: crashed with signal %d%s\n", full,
                        WTERMSIG(status), WTERMSIG(status) == SIGALRM ? " (timeout)" : "");
                continue;
            }
        }
        else {
            ok = !want_signal && WEXITSTATUS(status) == want_code;
        }
        if (ok) {
            passing++;
        }
        else {
            failing++;
            fprintf(stderr, "[FAIL] %s: exit status %d\n", full, WEXITSTATUS(status));
        }
    }
    printf("[====] Synthesis: Tested: %d | Passing: %d | Failing: %d | Crashing: %d \n",
           tested, passing, failing, crashing);
    return (failing || crashing) ? 1 : 0;
}
