/* main.c: the `python` program: command-line parsing and start-up. */
#include "Python.h"

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

int
main(int argc, char **argv)
{
    int verbose_version = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
            verbose_version++;
        }
        else if (strcmp(argv[i], "-VV") == 0) {
            verbose_version += 2;
        }
    }
    if (verbose_version) {
        print_version(verbose_version > 1);
        return 0;
    }
    return 0;
}
