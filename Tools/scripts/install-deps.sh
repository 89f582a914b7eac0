#!/usr/bin/env bash
# install-deps.sh: install the Debian packages Weft needs to build and test,
# only those that are missing (so it is cheap on a machine that has them).
set -euo pipefail
# python3 drives the benchmark scripts (Tools/bench/*.py), which compare with it.
pkgs=(build-essential pkg-config libmimalloc-dev libatomic-ops-dev libcriterion-dev python3)
missing=()
for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
