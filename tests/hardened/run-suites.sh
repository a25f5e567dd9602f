#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The unit and integration suites of the hardened tree (build-tree.sh) under AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer: any report fails the test that caused it. Left out:
# the load run (70 sessions through instrumented Qt take minutes and reach no code tst_session and
# tst_cli_run do not), what runs no instrumented code (layering, runpath, the mingw, wine and
# package-script checks), and the package build and fuzzers, which have tests of their own.
# usage: run-suites.sh BUILD_DIR
set -euo pipefail
dir=$1
if [ ! -f "$dir/CTestTestfile.cmake" ]; then
    echo "SKIP: no hardened tree in $dir (the hardened-build test makes it; it needs clang)"
    exit 77
fi
# check_printf=0: libvterm 0.1.4 answers an unknown DECRQSS with sprintf("%.s", int), which glibc
# never dereferences but ASan's interceptor does.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_printf=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0
# Instrumented code runs several times slower: a test that bounds a duration (terminalflood's GUI
# stall) scales its bound by this, and still catches a thread that is starved for good.
export SCORPIOX_TEST_TIMING_SCALE=10
exec ctest --test-dir "$dir" --output-on-failure -L 'unit|integration' -LE 'fuzz|sanitize|package' \
    -E '^(load|layering|runpath|windows_syntax|windows_configure|package_wsl_guest_helper|conpty_.*)$'
