#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Extraction speed of the image cache against GNU tar and bsdtar, side by side in one run, on a
# Debian minbase rootfs (debootstrap --variant=minbase, made once and cached in the build dir)
# as .tar, .tar.gz, .tar.xz and .tar.zst; then a streamed pull from a loopback HTTP server
# against extraction alone. Every run extracts into a fresh directory (see README: this ext4
# is slow to create files right after deleting many). Needs root for debootstrap on first run.
# usage: tests/bench/bench_extract.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=$(readlink -f "${1:-build}")
runs=${2:-3}
bench=$build/tests/bench_extract
[ -x "$bench" ] || { echo "bench_extract.sh: build the target bench_extract first" >&2; exit 1; }
cache=$build/bench-cache
mkdir -p "$cache"

if [ ! -f "$cache/minbase.tar" ]; then
    command -v debootstrap >/dev/null || { echo "bench_extract.sh: install debootstrap" >&2; exit 1; }
    echo "making a Debian minbase rootfs with debootstrap (once)..." >&2
    rm -rf "$cache/rootfs"
    debootstrap --variant=minbase bookworm "$cache/rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    tar -C "$cache/rootfs" --numeric-owner --sort=name -cf "$cache/minbase.tar.part" .
    mv "$cache/minbase.tar.part" "$cache/minbase.tar"
    rm -rf "$cache/rootfs"
fi
[ -f "$cache/minbase.tar.gz" ] || gzip -6 -n -c "$cache/minbase.tar" >"$cache/minbase.tar.gz"
[ -f "$cache/minbase.tar.xz" ] || xz -6 -T2 -c "$cache/minbase.tar" >"$cache/minbase.tar.xz"
[ -f "$cache/minbase.tar.zst" ] || zstd -q -19 -T2 -c "$cache/minbase.tar" >"$cache/minbase.tar.zst"

work=$(mktemp -d "$build/bench-work.XXXXXX")
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
n=0
fresh() { n=$((n + 1)); mkdir -p "$work/$n"; echo "$work/$n"; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

size_mb=$(du -sm --apparent-size "$cache/minbase.tar" | cut -f1)
echo "minbase rootfs: ${size_mb} MB uncompressed, $(tar -tf "$cache/minbase.tar" | wc -l) entries; median of $runs runs"
printf '%-8s %12s %12s %12s %10s %10s\n' format "scorpiox" "GNU tar" bsdtar "vs tar" "vs bsdtar"
for ext in tar tar.gz tar.xz tar.zst; do
    archive=$cache/minbase.$ext
    ours=() gnu=() bsd=()
    for ((i = 0; i < runs; i++)); do
        ours+=("$("$bench" extract "$archive" "$(fresh)")")
        d=$(fresh); gnu+=("$(seconds tar -C "$d" -xf "$archive")")
        d=$(fresh); bsd+=("$(seconds bsdtar -C "$d" -xf "$archive")")
    done
    o=$(printf '%s\n' "${ours[@]}" | median)
    g=$(printf '%s\n' "${gnu[@]}" | median)
    b=$(printf '%s\n' "${bsd[@]}" | median)
    printf '%-8s %8.0f MB/s %8.0f MB/s %8.0f MB/s %9.2fx %9.2fx\n' "$ext" \
        "$(echo "$size_mb / $o" | bc -l)" "$(echo "$size_mb / $g" | bc -l)" "$(echo "$size_mb / $b" | bc -l)" \
        "$(echo "$g / $o" | bc -l)" "$(echo "$b / $o" | bc -l)"
done
echo "(ratios > 1: the cache code is faster)"

# Streamed pull from a loopback server vs extraction alone, .tar.gz.
mkdir -p "$work/registry"
ln "$cache/minbase.tar.gz" "$work/registry/minbase.tar.gz" 2>/dev/null || cp "$cache/minbase.tar.gz" "$work/registry/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/registry" "$port" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
# The baseline is an import of the same file into a fresh cache (ImagePuller::importFile: the
# same staging directories, extraction with SHA-256, archive kept by a hard link), so both put
# their files in the same places: on this machine's journal-less ext4, where a tree lands decides
# how many recently deleted inodes each file creation must skip, which alone varies an
# extraction 1-4x. The order alternates, so neither always runs on a fresher disk.
pulls=() alone=()
for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
        pulls+=("$("$bench" pull "http://127.0.0.1:$port/" minbase "$(fresh)")")
        alone+=("$("$bench" import "$cache/minbase.tar.gz" minbase "$(fresh)")")
    else
        alone+=("$("$bench" import "$cache/minbase.tar.gz" minbase "$(fresh)")")
        pulls+=("$("$bench" pull "http://127.0.0.1:$port/" minbase "$(fresh)")")
    fi
done
p=$(printf '%s\n' "${pulls[@]}" | median)
a=$(printf '%s\n' "${alone[@]}" | median)
echo "pulls (s): ${pulls[*]}"
echo "imports (s): ${alone[*]}"
printf 'streamed pull of minbase.tar.gz: %.2f s; import of the same file (extraction alone): %.2f s; pull/import = %.2fx (target <= 1.10x)\n' \
    "$p" "$a" "$(echo "$p / $a" | bc -l)"
