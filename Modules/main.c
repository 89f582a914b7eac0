/* main.c: the `python` program: the command line and the environment
 * (CPython's options and variables) into _Py_MainConfig, start-up, and
 * running what was asked (Python/pythonrun.c: Py_RunMain). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"

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

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static _Py_NO_RETURN void
usage_error(const char *prog, const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, usage_line, prog);
    fprintf(stderr, "Try `python -h' for more information.\n");
    exit(2);
}

static void
print_help(const char *prog)
{
    printf(usage_line, prog);
    printf("Options (and corresponding environment variables):\n"
"-b     : issue warnings about converting bytes/bytearray to str and comparing\n"
"         bytes/bytearray with str or bytes with int. (-bb: issue errors)\n"
"-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
"-c cmd : program passed in as string (terminates option list)\n"
"-d     : turn on parser debugging output (for experts only)\n"
"-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
"-h     : print this help message and exit (also -? or --help)\n"
"-i     : inspect interactively after running script; forces a prompt even\n"
"         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
"-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
"-m mod : run library module as a script (terminates option list)\n"
"-O     : remove assert and __debug__-dependent statements\n"
"-OO    : do -O changes and also discard docstrings\n"
"-P     : don't prepend a potentially unsafe path to sys.path; also\n"
"         PYTHONSAFEPATH\n"
"-q     : don't print version and copyright messages on interactive startup\n"
"-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x\n"
"-S     : don't imply 'import site' on initialization\n"
"-u     : force the stdout and stderr streams to be unbuffered;\n"
"         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
"-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
"-V     : print the Python version number and exit (also --version)\n"
"         when given twice, print more information about the build\n"
"-W arg : warning control; arg is action:message:category:module:lineno\n"
"         also PYTHONWARNINGS=arg\n"
"-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
"-X opt : set implementation-specific option (gil=0|1, int_max_str_digits=N)\n"
"--help-env: print help about Python environment variables and exit\n"
"--help-xoptions: print help about implementation-specific -X options and exit\n"
"--help-all: print complete help information and exit\n\n"
"Arguments:\n"
"file   : program read from script file\n"
"-      : program read from stdin (default; interactive mode if a tty)\n"
"arg ...: arguments passed to program in sys.argv[1:]\n");
}

static int
env_flag(const char *name)
{
    if (!_Py_MainConfig.use_environment) {
        return 0;
    }
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0') {
        return 0;
    }
    int n = atoi(v);
    return n > 0 ? n : 1;
}

int
main(int argc, char **argv)
{
    _PyMainConfig *c = &_Py_MainConfig;
    const char *prog = argc > 0 ? argv[0] : "python";
    int verbose_version = 0;
    const char *xgil = NULL;
    const char *xmaxdigits = NULL;
    char **xoptions = calloc((size_t)argc + 1, sizeof(char *));
    char **warnoptions = calloc((size_t)argc + 2, sizeof(char *));
    int nx = 0, nw = 0;
    int i = 1;
    c->orig_argc = argc;
    c->orig_argv = argv;

    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            break;                  /* script name or "-": the rest is argv */
        }
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') {
            if (strcmp(arg, "--version") == 0) {
                verbose_version++;
            }
            else if (strcmp(arg, "--help") == 0 || strcmp(arg, "--help-all") == 0 ||
                     strcmp(arg, "--help-env") == 0 || strcmp(arg, "--help-xoptions") == 0) {
                print_help(prog);
                return 0;
            }
            else {
                usage_error(prog, "unknown option %s\n", arg);
            }
            continue;
        }
        int stop = 0;
        /* Single-letter options may be grouped: -EV, -Xgil=0, -c'cmd'. */
        for (const char *p = arg + 1; *p && !stop; p++) {
            char ch = *p;
            if (ch == 'c' || ch == 'm' || ch == 'X' || ch == 'W') {
                const char *optarg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (optarg == NULL) {
                    char opt[3] = {'-', ch, '\0'};
                    usage_error(prog, "Argument expected for the %s option\n", opt);
                }
                if (ch == 'c') {
                    c->run_command = optarg;
                    stop = 2;
                }
                else if (ch == 'm') {
                    c->run_module = optarg;
                    stop = 2;
                }
                else if (ch == 'X') {
                    xoptions[nx++] = (char *)optarg;
                    /* The first -X gil counts (as in CPython 3.13). */
                    if (xgil == NULL && strncmp(optarg, "gil", 3) == 0 &&
                        (optarg[3] == '\0' || optarg[3] == '=')) {
                        xgil = optarg[3] == '=' ? optarg + 4 : "";
                    }
                    if (strncmp(optarg, "int_max_str_digits=", 19) == 0) {
                        xmaxdigits = optarg + 19;
                    }
                    if (strcmp(optarg, "dev") == 0) {
                        c->dev_mode = 1;
                    }
                    stop = 1;
                }
                else {
                    warnoptions[nw++] = (char *)optarg;
                    stop = 1;
                }
                break;
            }
            switch (ch) {
            case 'V': verbose_version++; break;
            case 'E': c->use_environment = 0; break;
            case 'I': c->use_environment = 0; c->isolated = 1; c->safe_path = 1;
                      c->no_user_site = 1; break;
            case 'u': c->unbuffered = 1; break;
            case 'i': c->inspect = 1; c->interactive = 1; break;
            case 'q': c->quiet = 1; break;
            case 'v': c->verbose++; break;
            case 'B': c->dont_write_bytecode = 1; break;
            case 's': c->no_user_site = 1; break;
            case 'S': c->no_site = 1; break;
            case 'O': c->optimize++; break;
            case 'b': c->bytes_warning++; break;
            case 'P': c->safe_path = 1; break;
            case 'd': case 'x': case 'R': break;
            case 'h': case '?': print_help(prog); return 0;
            default: {
                char opt[3] = {'-', ch, '\0'};
                usage_error(prog, "Unknown option: %s\n", opt);
            }
            }
        }
        if (stop == 2) {
            i++;
            break;
        }
    }
    if (verbose_version) {
        print_version(verbose_version > 1);
        return 0;
    }
    if (c->run_command == NULL && c->run_module == NULL && i < argc) {
        c->run_filename = argv[i];
    }
    /* sys.argv: ["-c" | "-m" | script | "-" | ""] + the rest. */
    static char dash_c[] = "-c", dash_m[] = "-m", empty[] = "";
    char **sargv = calloc((size_t)argc + 2, sizeof(char *));
    int sargc = 0;
    if (c->run_command != NULL) {
        sargv[sargc++] = dash_c;
    }
    else if (c->run_module != NULL) {
        sargv[sargc++] = dash_m;
    }
    else if (c->run_filename != NULL) {
        sargv[sargc++] = argv[i++];
    }
    else {
        sargv[sargc++] = empty;
    }
    for (; i < argc; i++) {
        sargv[sargc++] = argv[i];
    }
    c->argc = sargc;
    c->argv = sargv;

    /* The environment (unless -E / -I). */
    if (env_flag("PYTHONUNBUFFERED")) {
        c->unbuffered = 1;
    }
    if (env_flag("PYTHONDONTWRITEBYTECODE")) {
        c->dont_write_bytecode = 1;
    }
    if (env_flag("PYTHONINSPECT")) {
        c->inspect = 1;
    }
    if (env_flag("PYTHONSAFEPATH")) {
        c->safe_path = 1;
    }
    if (c->optimize == 0) {
        c->optimize = env_flag("PYTHONOPTIMIZE");
    }
    if (c->verbose == 0) {
        c->verbose = env_flag("PYTHONVERBOSE");
    }
    const char *envwarn = c->use_environment ? getenv("PYTHONWARNINGS") : NULL;
    if (envwarn != NULL && envwarn[0] != '\0') {
        /* Environment warnings come before -W ones. */
        memmove(warnoptions + 1, warnoptions, (size_t)nw * sizeof(char *));
        warnoptions[0] = (char *)envwarn;
        nw++;
    }
    c->nxoptions = nx;
    c->xoptions = xoptions;
    c->nwarnoptions = nw;
    c->warnoptions = warnoptions;
    const char *envdigits = c->use_environment ? getenv("PYTHONINTMAXSTRDIGITS") : NULL;
    const char *digits = xmaxdigits ? xmaxdigits : (envdigits && envdigits[0] ? envdigits : NULL);
    if (digits != NULL) {
        char *end;
        long v = strtol(digits, &end, 10);
        if (*end != '\0' || v < 0 || (v > 0 && v < 640) || v > INT_MAX) {
            config_error("init_int_max_str_digits",
                         xmaxdigits ? "-X int_max_str_digits: invalid limit; must be >= 640 "
                                      "or 0 for unlimited."
                                    : "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 "
                                      "or 0 for unlimited.");
        }
        c->int_max_str_digits = (int)v;
    }

    /* -X gil wins over PYTHON_GIL, but as in CPython 3.13 the variable is
     * checked first, so a bad PYTHON_GIL is an error even with -X gil; an
     * empty variable counts as unset. */
#ifdef Py_GIL_DISABLED
    int enable_gil = 0;
#else
    int enable_gil = 1;
#endif
    const char *env = c->use_environment ? getenv("PYTHON_GIL") : NULL;
    c->gil_requested = -1;
    if (env != NULL && env[0] != '\0') {
        c->gil_requested = config_read_gil(env);
    }
    if (xgil != NULL) {
        c->gil_requested = config_read_gil(xgil);
    }
    if (c->gil_requested >= 0) {
        enable_gil = c->gil_requested;
    }
    c->enable_gil = enable_gil;

    if (_PyRuntime_Initialize(enable_gil) < 0 || _PyTypes_Init() < 0) {
        fprintf(stderr, "Fatal Python error: _PyRuntime_Initialize: "
                "cannot initialize the runtime\n");
        return 1;
    }
    if (c->int_max_str_digits >= 0) {
        _PyLong_SetMaxStrDigits(c->int_max_str_digits);
    }
    if (_Py_InitializeMain() < 0) {
        fflush(stdout);
        fprintf(stderr, "Fatal Python error: init_interp_main: cannot initialize the "
                "interpreter\nPython runtime state: core initialized\n");
        PyErr_Print();
        return 1;
    }
    return Py_RunMain();
}
