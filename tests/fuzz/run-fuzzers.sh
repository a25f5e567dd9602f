#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the hardened tree (tests/hardened/build-tree.sh: clang, ASan+UBSan, the libFuzzer
# targets) in FUZZ_BUILD_DIR, reusing it while it is up to date, then runs each fuzzer for SECONDS
# over its checked-in corpus plus what earlier runs found (FUZZ_BUILD_DIR/corpus-work/NAME). Any
# crash, sanitizer report, leak, timeout or broken invariant fails the run; the input is saved as
# FUZZ_BUILD_DIR/artifacts/NAME-crash-*.
#
# usage: run-fuzzers.sh SOURCE_DIR FUZZ_BUILD_DIR SECONDS [NAME...]
set -euo pipefail

src=$1
dir=$2
seconds=$3
shift 3

"$src/tests/hardened/build-tree.sh" "$src" "$dir" || exit $?

names=("$@")
if [ "${#names[@]}" -eq 0 ]; then
    for corpus in "$src"/tests/fuzz/corpus/*/; do
        names+=("$(basename "$corpus")")
    done
fi
for fuzzer in "$dir"/fuzzers/fuzz_*; do
    name=${fuzzer##*/fuzz_}
    if [ ! -d "$src/tests/fuzz/corpus/$name" ]; then
        echo "FAIL: fuzz_$name has no seed corpus in tests/fuzz/corpus/$name"
        exit 1
    fi
done

failed=()
mkdir -p "$dir/artifacts"
for name in "${names[@]}"; do
    fuzzer="$dir/fuzzers/fuzz_$name"
    work="$dir/corpus-work/$name"
    mkdir -p "$work"
    # The checked-in corpus is read only: new inputs go to the work directory, listed first.
    if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/$name-" "$work" "$src/tests/fuzz/corpus/$name" >"$dir/$name.log" 2>&1; then
        echo "fuzz_$name: $(grep -E '^stat::number_of_executed_units' "$dir/$name.log" | awk '{print $2}') runs," \
             "$(grep -E '^stat::new_units_added' "$dir/$name.log" | awk '{print $2}') new inputs, no crash"
    else
        tail -n 40 "$dir/$name.log"
        echo "FAIL: fuzz_$name crashed (log $dir/$name.log; input saved under $dir/artifacts/)"
        failed+=("$name")
    fi
done
if [ "${#failed[@]}" -ne 0 ]; then
    echo "FAIL: ${failed[*]}"
    exit 1
fi
