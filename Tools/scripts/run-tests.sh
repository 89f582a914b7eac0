#!/usr/bin/env bash
# run-tests.sh: the whole test suite.  Builds the default and the free-threaded
# variants out of tree (warnings are errors), runs `make check` in each, then
# builds the free-threaded variant under ThreadSanitizer (system malloc) and
# runs the unit tests and the Python thread tests there.  Exits non-zero on any failure.
#   BUILD_ROOT  where the build directories go (default: ./build-test)
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
root="${BUILD_ROOT:-$src/build-test}"
"$src/Tools/scripts/install-deps.sh"
jobs="${JOBS:-$(nproc)}"

build() {  # build DIR CONFIGURE-ARGS...
    local dir="$1"; shift
    mkdir -p "$dir"
    ( cd "$dir" && "$src/configure" -q "$@" >/dev/null && make -s -j"$jobs" WERROR=-Werror )
}

status=0
for variant in default free-threaded; do
    dir="$root/$variant"
    args=()
    [ "$variant" = free-threaded ] && args+=(--disable-gil)
    echo "=== $variant build"
    build "$dir" "${args[@]}"
    "$dir/python" -VV
    echo "=== $variant: make check"
    ( cd "$dir" && make -s check WERROR=-Werror ) || status=1
done

echo "=== free-threaded build under ThreadSanitizer"
dir="$root/tsan"
build "$dir" --disable-gil --with-thread-sanitizer --without-mimalloc
( cd "$dir" && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
      make -s check-unit WERROR=-Werror ) || status=1
# The Python thread tests too: any report ends the script with exit 66,
# which fails it.
( cd "$dir" && TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
      make -s check-threads WERROR=-Werror ) || status=1

if [ $status -ne 0 ]; then
    echo "FAILED"
fi
exit $status
