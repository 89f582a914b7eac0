#!/bin/sh
# run_tests.sh PYTHON TESTDIR: runs every Python test script under TESTDIR
# (test/*/ *.py with a NAME.out file beside it holding the output CPython
# gives) and compares stdout+stderr and the exit status line.  A test may have
# NAME.args (extra command-line arguments) and NAME.stdin.
# Ends with the line "python-tests: N passed, N failed".
python="$1"
testdir="$2"
pass=0
fail=0
failed=""
tmp="${TMPDIR:-/tmp}/weft-test.$$"
trap 'rm -f "$tmp"' EXIT
for out in $(find "$testdir" -name '*.out' -path '*/test/*' ! -path '*/unit/*' ! -path '*/parser/*' | sort); do
    script="${out%.out}.py"
    [ -f "$script" ] || continue
    args=""
    [ -f "${out%.out}.args" ] && args=$(cat "${out%.out}.args")
    stdin=/dev/null
    [ -f "${out%.out}.stdin" ] && stdin="${out%.out}.stdin"
    dir=$(dirname "$script")
    ( cd "$dir" && timeout 60 "$python" "$(basename "$script")" $args <"$stdin" >"$tmp" 2>&1; echo "[exit $?]" >>"$tmp" )
    if cmp -s "$tmp" "$out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        failed="$failed $script"
        echo "FAIL: $script"
        diff "$out" "$tmp" | head -20
    fi
done
echo "python-tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
