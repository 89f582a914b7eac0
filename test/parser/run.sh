#!/bin/sh
# run.sh: golden tests for the tokenizer and parser.
# usage: run.sh ASTDUMP DIR
# For every DIR/cases/NAME.py: if NAME.err exists, astdump must fail with
# exactly that line; otherwise its output must equal NAME.ast and, when
# NAME.attrs.ast exists, its `-a` output must equal that file.  Files whose
# name starts with eval_ / single_ are parsed in that mode.  Needs only a
# POSIX shell: the expected files are committed (see gen_expected.py).
AST=$1
DIR=${2:-.}
pass=0
fail=0
tmp=${TMPDIR:-/tmp}/weft-parser-$$
trap 'rm -f "$tmp"' EXIT INT TERM
for src in "$DIR"/cases/*.py; do
    name=${src%.py}
    base=$(basename "$name")
    mode=exec
    case $base in
        eval_*) mode=eval ;;
        single_*) mode=single ;;
    esac
    if [ -f "$name.err" ]; then
        "$AST" -m $mode "$src" >"$tmp" 2>&1
        if cmp -s "$tmp" "$name.err"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $base (error)"
            echo "  expected: $(cat "$name.err")"
            echo "  got:      $(head -c 400 "$tmp")"
        fi
        continue
    fi
    for kind in plain attrs; do
        if [ $kind = plain ]; then
            exp=$name.ast
            flag=
        else
            exp=$name.attrs.ast
            flag=-a
            [ -f "$exp" ] || continue
        fi
        if [ ! -f "$exp" ]; then
            fail=$((fail + 1))
            echo "FAIL $base (no expected output)"
            continue
        fi
        "$AST" $flag -m $mode "$src" >"$tmp" 2>&1
        if cmp -s "$tmp" "$exp"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $base ($kind)"
            diff "$exp" "$tmp" | head -c 1500
            echo
        fi
    done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
