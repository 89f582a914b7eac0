#!/usr/bin/env bash
# demo.sh: the README's main command.  Installs what is missing, builds the
# default and the free-threaded interpreters side by side (build-default/,
# build-ft/), then runs the same CPU-bound threads demo under both, and the
# scaling benchmark (Tools/bench/scaling.py; chart in build-ft/scaling.svg).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
"$src/Tools/scripts/install-deps.sh"
for variant in default ft; do
    dir="$src/build-$variant"
    args=()
    [ "$variant" = ft ] && args+=(--disable-gil)
    mkdir -p "$dir"
    ( cd "$dir" && { [ -f Makefile ] || "$src/configure" -q "${args[@]}" >/dev/null; } && make -s -j"$(nproc)" )
done
for variant in default ft; do
    py="$src/build-$variant/python"
    echo "=== $("$py" -VV)"
    rc=0; "$py" -c 'import threading, sys; sys.exit(3)' >/dev/null 2>&1 || rc=$?
    if [ "$rc" -eq 3 ]; then
        "$py" "$src/Tools/demo/cpu_threads.py" "$(nproc)"
    else
        echo "(this build cannot run Python scripts yet: the interpreter is in progress)"
    fi
done
rc=0; "$src/build-ft/python" -c 'import threading, sys; sys.exit(3)' >/dev/null 2>&1 || rc=$?
if [ "$rc" -eq 3 ]; then
    echo "=== speedup of N threads running CPU-bound Python (N x T1 / TN), both builds"
    python3 "$src/Tools/bench/scaling.py" --threads "1,$(nproc)" --repeat 1 \
        --svg "$src/build-ft/scaling.svg" \
        default="$src/build-default/python" free-threaded="$src/build-ft/python"
fi
