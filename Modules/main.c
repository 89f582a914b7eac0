/* main.c: the `python` program: command-line parsing and start-up.
 * For now it reads the options the runtime itself needs (-V, -X gil,
 * PYTHON_GIL, -E/-I), initialises the runtime and exits; running code is
 * the interpreter's job and comes later. */
#include "Python.h"
#include "pycore_pystate.h"

static const char *
build_kind(void)
{
#ifdef Py_GIL_DISABLED
    return "experimental free-threading build";
#else
    return "default build";
#endif
}

static void
print_version(int verbose)
{
    if (verbose) {
        printf("Python %s (weft %s, %s) [GCC %s]\n", PY_VERSION, WEFT_VERSION,
               build_kind(), __VERSION__);
    }
    else {
        printf("Python %s\n", PY_VERSION);
    }
}

/* Errors found while reading the configuration are reported the way
 * CPython's Py_ExitStatusException reports them, exit status 1. */
static _Py_NO_RETURN void
config_error(const char *func, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s: %s\n", func, msg);
    fprintf(stderr, "Python runtime state: preinitialized\n\n");
    fflush(stderr);
    exit(1);
}

/* -1: leave the build's default; 0 or 1: the GIL setting asked for.
 * `value` is the text of -X gil=... or PYTHON_GIL. */
static int
config_read_gil(const char *value)
{
    if (strcmp(value, "0") == 0) {
#ifdef Py_GIL_DISABLED
        return 0;
#else
        config_error("config_read_gil",
                     "Disabling the GIL is not supported by this build");
#endif
    }
    if (strcmp(value, "1") == 0) {
        return 1;
    }
    config_error("config_read_gil", "PYTHON_GIL / -X gil must be \"0\" or \"1\"");
}

/* Options that take an argument, as in CPython's usage. */
static int
option_takes_argument(char c)
{
    return c == 'X' || c == 'W' || c == 'c' || c == 'm' || c == 'Q';
}

int
main(int argc, char **argv)
{
    int verbose_version = 0;
    int use_environment = 1;
    const char *xgil = NULL;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            break;                  /* script name or "-": the rest is argv */
        }
        if (strcmp(arg, "--") == 0) {
            break;
        }
        if (strcmp(arg, "--version") == 0) {
            verbose_version++;
            continue;
        }
        if (arg[1] == '-') {
            continue;               /* other long options: later */
        }
        int stop = 0;
        /* Single-letter options may be grouped: -EV, -Xgil=0, -c'cmd'. */
        for (const char *p = arg + 1; *p; p++) {
            char c = *p;
            if (c == 'V') {
                verbose_version++;
                continue;
            }
            if (c == 'E') {
                use_environment = 0;
                continue;
            }
            if (c == 'I') {
                use_environment = 0;
                continue;
            }
            if (option_takes_argument(c)) {
                const char *optarg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (optarg == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    return 2;
                }
                if (c == 'X' && strncmp(optarg, "gil", 3) == 0 &&
                    (optarg[3] == '\0' || optarg[3] == '=')) {
                    xgil = optarg[3] == '=' ? optarg + 4 : "";
                }
                if (c == 'c' || c == 'm') {
                    stop = 1;       /* the rest belongs to the command */
                }
                break;
            }
        }
        if (stop) {
            break;
        }
    }
    if (verbose_version) {
        print_version(verbose_version > 1);
        return 0;
    }

    /* -X gil wins over PYTHON_GIL; an empty variable counts as unset. */
#ifdef Py_GIL_DISABLED
    int enable_gil = 0;
#else
    int enable_gil = 1;
#endif
    const char *env = use_environment ? getenv("PYTHON_GIL") : NULL;
    if (xgil != NULL) {
        enable_gil = config_read_gil(xgil);
    }
    else if (env != NULL && env[0] != '\0') {
        enable_gil = config_read_gil(env);
    }

    if (_PyRuntime_Initialize(enable_gil) < 0) {
        fprintf(stderr, "Fatal Python error: _PyRuntime_Initialize: "
                "cannot initialize the runtime\n");
        return 1;
    }
    /* The interpreter proper (running -c, -m, scripts, the REPL) comes
     * later. */
    _PyRuntime_Finalize();
    return 0;
}
