#!/bin/sh
# runtime_bench.sh: run Tools/bench/bench_runtime in the default and the
# free-threaded build and print the figures side by side, with the ratio
# free-threaded / default.
#
#   Tools/bench/runtime_bench.sh [DEFAULT_BUILD_DIR FT_BUILD_DIR] [-n SCALE] [-r RUNS]
#
# The two programs run RUNS times each (default 3), alternating, and every
# figure is the minimum over the runs: on a shared machine the minimum is
# the measurement least disturbed by other work.
#
# Without build directories it configures and builds both variants under
# $TMPDIR (or /tmp) from this source tree.  With them, it runs `make bench`
# in each (so they must be configured already).
set -e

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
scale=1
runs=3
dirs=""
while [ $# -gt 0 ]; do
    case "$1" in
        -n) scale="$2"; shift 2 ;;
        -r) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) dirs="$dirs $1"; shift ;;
    esac
done

set -- $dirs
if [ $# -eq 0 ]; then
    base="${TMPDIR:-/tmp}/weft-runtime-bench"
    mkdir -p "$base/default" "$base/ft"
    (cd "$base/default" && [ -f Makefile ] || "$srcdir/configure" -q) >/dev/null
    (cd "$base/ft" && [ -f Makefile ] || "$srcdir/configure" -q --disable-gil) >/dev/null
    set -- "$base/default" "$base/ft"
elif [ $# -ne 2 ]; then
    echo "usage: $0 [DEFAULT_BUILD_DIR FT_BUILD_DIR] [-n SCALE] [-r RUNS]" >&2
    exit 2
fi
default_dir=$1
ft_dir=$2

for d in "$default_dir" "$ft_dir"; do
    make -s -C "$d" -j2 Tools/bench/bench_runtime >/dev/null
done

all_default=""
all_ft=""
i=0
while [ "$i" -lt "$runs" ]; do
    all_default="$all_default
$("$default_dir/Tools/bench/bench_runtime" -n "$scale")"
    all_ft="$all_ft
$("$ft_dir/Tools/bench/bench_runtime" -n "$scale")"
    i=$((i + 1))
done

# Keep the minimum of each figure (first line of each name wins ties).
minimum() {
    awk 'NF == 0 { next }
         $1 == "build" { build = $0; next }
         !($1 in best) || ($2 >= 0 && ($2 < best[$1] || best[$1] < 0)) {
             if (!($1 in best)) order[++n] = $1
             best[$1] = $2; unit[$1] = $3 }
         END { print build; for (i = 1; i <= n; i++) print order[i], best[order[i]], unit[order[i]] }'
}
out_default=$(printf '%s\n' "$all_default" | minimum)
out_ft=$(printf '%s\n' "$all_ft" | minimum)

printf '%s\n' "$out_default" | grep -q '^build default' || {
    echo "$default_dir is not a default (GIL) build" >&2; exit 1; }
printf '%s\n' "$out_ft" | grep -q '^build free-threaded' || {
    echo "$ft_dir is not a free-threaded build" >&2; exit 1; }

printf '%-26s %14s %16s %8s\n' "benchmark" "default" "free-threaded" "ratio"
printf '%s\n' "$out_default" | grep -v '^build' | while read -r name value unit; do
    ft_value=$(printf '%s\n' "$out_ft" | awk -v n="$name" '$1 == n { print $2 }')
    ratio=$(awk -v a="$value" -v b="$ft_value" 'BEGIN {
        if (a > 0 && b > 0) printf "%.2fx", b / a; else print "n/a" }')
    printf '%-26s %11s %-2s %13s %-2s %8s\n' "$name" "$value" "$unit" "$ft_value" "$unit" "$ratio"
done
