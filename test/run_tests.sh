#!/bin/sh
# run_tests.sh PYTHON TESTDIR: runs every Python test script under TESTDIR
# (test/<area>/NAME.py with a NAME.out beside it holding the output CPython
# gives) and compares stdout+stderr, followed by a line "[exit N]", with
# NAME.out.  A test may have NAME.args (extra command-line arguments) and
# NAME.stdin.  Each script runs from its own directory as "PYTHON NAME.py".
# The script's absolute directory is cut out of the output ("/abs/dir/x.py"
# becomes "x.py") because tracebacks name the main script by absolute path.
# If PYTHON cannot run a script yet (python -c 'import sys; sys.exit(3)' does
# not exit with 3), nothing runs and the tests are reported skipped (exit 0).
# test/known_failures lists scripts (paths relative to test/, one a line, "#"
# comments) that do not pass yet because what they test is not built yet: they
# still run; a failure there is reported as "xfail" and does not fail the run,
# and one that passes is reported as "XPASS" so its line gets deleted.  The
# list only ever shrinks; every entry is a known, open defect.
# Ends with the line "python-tests: N passed, N failed[, N xfail, N xpass]".
# gen_expected.sh writes the .out files with this same procedure.
export PYTHONDONTWRITEBYTECODE=1

# list the tests: every NAME.out that has a NAME.py beside it
tests() {
    find "$testdir" -name '*.out' -path '*/test/*' ! -path '*/unit/*' ! -path '*/parser/*' | sort |
    while read -r out; do
        [ -f "${out%.out}.py" ] && echo "$out"
    done
}

# run_one SCRIPT RESULT: runs SCRIPT as the tests run it, writes RESULT
run_one() {
    script="$1"
    base="${script%.py}"
    dir=$(cd "$(dirname "$script")" && pwd -P)
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    stdin=/dev/null
    [ -f "$base.stdin" ] && stdin="$dir/$(basename "$base").stdin"
    # The same environment everywhere: stdout buffered as usual (tests flush
    # before writing to stderr), no startup files or extra paths.
    # shellcheck disable=SC2086  # args are split into words on purpose
    ( unset PYTHONUNBUFFERED PYTHONHASHSEED PYTHONSTARTUP PYTHONPATH PYTHONHOME \
            PYTHONWARNINGS PYTHONIOENCODING PYTHONSAFEPATH PYTHONINSPECT \
            PYTHONOPTIMIZE PYTHONDEVMODE PYTHONUTF8 PYTHONNODEBUGRANGES
      cd "$dir" && timeout 60 "$python" "$(basename "$script")" $args <"$stdin" >"$2.raw" 2>&1
      echo "[exit $?]" >>"$2.raw" )
    pat=$(printf '%s/' "$dir" | sed 's/[][\.*^$|&]/\\&/g')
    sed "s|$pat||g" "$2.raw" >"$2"
    rm -f "$2.raw"
}

# gen_expected.sh sources this file for run_one only
[ "${WEFT_TEST_LIB_ONLY:-}" = 1 ] && return 0 2>/dev/null

python="$1"
# Scripts run from their own folder: make a relative interpreter path absolute.
case "$python" in
    */*) python="$(cd "$(dirname "$python")" && pwd -P)/$(basename "$python")" ;;
esac
testdir=$(cd "$2" && pwd -P)
pass=0
fail=0
tmp="${TMPDIR:-/tmp}/weft-test.$$"
trap 'rm -f "$tmp" "$tmp.raw"' EXIT

( "$python" -c 'import sys; sys.exit(3)' ) >/dev/null 2>&1
if [ $? -ne 3 ]; then
    n=$(tests | wc -l | tr -d ' ')
    echo "python-tests: 0 passed, 0 failed, $n skipped (the interpreter cannot run scripts yet)"
    exit 0
fi

xfail=0
xpass=0
# Entries are relative to test/ (where this script lives), whichever
# folder of it runs.
root=$(cd "$(dirname "$0")" && pwd -P)
known="$root/known_failures"
is_known() {
    [ -f "$known" ] && grep -qxF "$1" "$known"
}
for out in $(tests); do
    script="${out%.out}.py"
    rel="${script#"$root"/}"
    run_one "$script" "$tmp"
    if cmp -s "$tmp" "$out"; then
        if is_known "$rel"; then
            xpass=$((xpass + 1))
            echo "XPASS: $rel (passes now: delete it from test/known_failures)"
        fi
        pass=$((pass + 1))
    elif is_known "$rel"; then
        xfail=$((xfail + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $rel"
        diff "$out" "$tmp" | head -20
    fi
done
echo "python-tests: $pass passed, $fail failed, $xfail xfail (test/known_failures), $xpass xpass"
[ "$fail" -eq 0 ]
