#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The hardened tree (issue 11): clang with AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer's coverage on every target (SCORPIOX_FUZZ implies the sanitizers), the test suites and
# the fuzzers, in BUILD_DIR. The `fuzz` and `sanitizers` tests of the normal build run in it.
# usage: build-tree.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
dir=$2

for tool in clang clang++; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (bash installer/bootstrap.sh installs clang and libclang-rt-14-dev)"
        exit 77
    fi
done
if [ ! -f "$(clang++ -print-runtime-dir)/libclang_rt.fuzzer-x86_64.a" ]; then
    echo "SKIP: libFuzzer is not installed (bash installer/bootstrap.sh installs libclang-rt-14-dev)"
    exit 77
fi

mkdir -p "$dir"
log="$dir/build.log"
started=$SECONDS
if [ ! -f "$dir/CMakeCache.txt" ]; then
    if ! cmake -S "$src" -B "$dir" --preset asan >"$log" 2>&1; then
        cat "$log"
        echo "FAIL: configuring the hardened tree in $dir failed (output above)"
        exit 1
    fi
fi
if ! cmake --build "$dir" >"$log" 2>&1; then
    grep -E -B2 -A12 'error:|FAILED:' "$log" | head -n 80
    echo "FAIL: building the hardened tree in $dir failed (log: $log)"
    exit 1
fi
echo "hardened tree ready in $dir after $((SECONDS - started)) s"
