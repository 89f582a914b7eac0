#!/bin/sh
# gen_expected.sh [SCRIPT...]: writes NAME.out beside each Python test script
# by running CPython over it exactly as run_tests.sh runs the tests (it reuses
# run_tests.sh's run_one).  With no arguments it does every test script:
# test/<area>/*.py for each area except unit/ and parser/; files named _*.py
# and files in deeper folders are helper modules and packages, not tests.
# A script marked "# expected: python3.13" in its first 5 lines is run with
# CPython 3.13 (set PYTHON313), because 3.11's output differs from the 3.13
# reference there; one marked "# expected: by hand" keeps its .out untouched.
# PYTHON (default python3, CPython 3.11) runs the rest.
here=$(cd "$(dirname "$0")" && pwd -P)
py311="${PYTHON:-python3}"
py313="${PYTHON313:-python3.13}"
# pyenv installs it without putting it on PATH
"$py313" -c '' 2>/dev/null || for p in "$HOME"/.pyenv/versions/3.13*/bin/python3.13; do
    [ -x "$p" ] && py313="$p"
done
WEFT_TEST_LIB_ONLY=1
. "$here/run_tests.sh"
unset WEFT_TEST_LIB_ONLY
if [ $# -eq 0 ]; then
    set -- $(find "$here" -mindepth 2 -maxdepth 2 -name '*.py' ! -name '_*' \
             ! -path "$here/unit/*" ! -path "$here/parser/*" | sort)
fi
n=0
for script in "$@"; do
    script="$(cd "$(dirname "$script")" && pwd -P)/$(basename "$script")"
    head -5 "$script" | grep -q '^# expected: by hand' && continue
    python="$py311"
    if head -5 "$script" | grep -q '^# expected: python3.13'; then
        if ! "$py313" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then
            echo "skipped (no CPython 3.13): $script" >&2
            continue
        fi
        python="$py313"
    fi
    run_one "$script" "${script%.py}.out"
    n=$((n + 1))
done
echo "gen_expected: wrote $n outputs"
