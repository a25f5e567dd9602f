#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Terminal benchmark: 100 MB of mixed, colourful text through PTY -> TerminalWidget until fully
# processed, against `xterm -e cat` of the same file in the same Xvfb. Prints medians and ratios.
#   tests/bench/bench_terminal.sh [MB] [ROUNDS]      (defaults: 100 MB, 3 rounds)
# Builds an optimised tree in build-bench/ (BUILD_DIR overrides).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-100}
rounds=${2:-3}
build=${BUILD_DIR:-$src/build-bench}
for tool in xvfb-run xterm; do
    command -v $tool >/dev/null || { echo "bench_terminal: $tool missing (installer/bootstrap.sh)" >&2; exit 1; }
done
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench_terminal >/dev/null
bench="$build/tests/bench_terminal"
work=$(mktemp -d /tmp/scorpiox-bench-terminal.XXXXXX) # a fresh directory (see README: ext4 note)
trap 'rm -rf "$work"' EXIT
"$bench" --generate "$work/flood.txt" "$mb"
bytes=$(stat -c %s "$work/flood.txt")

# Both terminals run in one Xvfb, alternating, so they share the machine's state.
cat >"$work/rounds.sh" <<ROUNDS
set -euo pipefail
for i in \$(seq $rounds); do
    QT_QPA_PLATFORM=xcb "$bench" "$work/flood.txt" | sed "s/^/scorpiox /"
    start=\$(date +%s%N)
    xterm -geometry 125x40 -fa 'DejaVu Sans Mono' -fs 10 -e cat "$work/flood.txt"
    echo "xterm ms=\$(( (\$(date +%s%N) - start) / 1000000 ))"
done
ROUNDS
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/rounds.sh" 2>/dev/null | tee "$work/results.txt"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { grep "^$1 " "$work/results.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ours_ms=$(field scorpiox ms | median)
xterm_ms=$(field xterm ms | median)
echo
echo "file: $bytes bytes of mixed text with 16/256/24-bit colour escapes, $rounds rounds, medians"
awk -v b="$bytes" -v o="$ours_ms" -v x="$xterm_ms" 'BEGIN {
    printf "scorpiox TerminalWidget: %7.1f MB/s (%d ms)\n", b / 1e6 / (o / 1000), o
    printf "xterm -e cat:            %7.1f MB/s (%d ms)\n", b / 1e6 / (x / 1000), x
    printf "throughput ratio scorpiox/xterm: %.2f\n", x / o
}'
echo "input latency while flooding (key posted -> bytes to the PTY): median $(field scorpiox latency_median_ms | median) ms, worst $(field scorpiox latency_max_ms | sort -n | tail -1) ms"
echo "longest GUI-thread stall while flooding: $(field scorpiox stall_ms | sort -n | tail -1) ms"
