#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Load (issue 11): 50 sessions started at once from the CLI and 20 through one SessionManager
# (bench_load checks every exit code, stream and cleanup), against 50 `podman run --rm` at once of
# the same rootfs and script, in one run. Prints the medians of ROUNDS rounds: times, peak RSS of
# the manager process and of the largest CLI process, and the ratio to podman.
# usage: tests/bench/bench_load.sh [BUILD_DIR] [ROUNDS]      (defaults: build, 3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$(cd "${1:-$src/build}" && pwd)
rounds=${2:-3}
bench_as_ordinary_user "$build" "$build" "$rounds"
bench=$build/tests/bench_load
[ -x "$bench" ] || { echo "bench_load.sh: build the project (target bench_load) in $build first" >&2; exit 1; }

trap 'podman rmi -f scorpiox-bench-default >/dev/null 2>&1 || true' EXIT
bench_podman_image "$build/share/scorpiox/images/default.tar.gz" scorpiox-bench-default

python3 - "$bench" "$rounds" "$podman" <<'PY'
import re, statistics, subprocess, sys, tempfile, time

bench, rounds, podman = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sessions, lines = 50, 200000
figures = {}

def podman_round():
    with tempfile.TemporaryDirectory(prefix="bench-load-podman.") as out:
        start = time.perf_counter()
        runs = []
        for i in range(sessions):
            script = f"seq 1 {lines}; echo session-{i}-done; exit {i % 8}"
            with open(f"{out}/{i}.out", "wb") as f:
                runs.append(subprocess.Popen(podman.split() + ["run", "--rm", "--network=host", "scorpiox-bench-default",
                                                                 "sh", "-c", script], stdout=f, stderr=subprocess.DEVNULL))
        codes = [p.wait() for p in runs]
        seconds = time.perf_counter() - start
        wrong = [i for i, code in enumerate(codes) if code != i % 8]
        if wrong:
            sys.exit(f"bench_load.sh: podman sessions {wrong} exited with the wrong code")
        return seconds

for _ in range(rounds):
    done = subprocess.run([bench, "--cli", str(sessions), "--manager", "20", "--lines", str(lines)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_load.sh: bench_load failed:\n{done.stdout}{done.stderr}")
    for key, value in re.findall(r"(\w+)=([\d.]+)", "\n".join(l for l in done.stdout.splitlines() if l.startswith("result "))):
        figures.setdefault(key, []).append(float(value))
    if podman:
        figures.setdefault("podman_seconds", []).append(podman_round())

median = {key: statistics.median(values) for key, values in figures.items()}
print(f"{sessions} CLI sessions at once ({lines} lines each), median of {rounds} rounds:")
print(f"  scorpiox-desktop --cli run   {median['cli_seconds']:7.2f} s   largest process peak RSS {median['cli_peak_rss_mb']:.1f} MB")
if "podman_seconds" in median:
    print(f"  podman run --rm              {median['podman_seconds']:7.2f} s   ratio {median['podman_seconds'] / median['cli_seconds']:.2f}x slower")
print(f"20 SessionManager sessions at once on PTYs: {median['manager_seconds']:.2f} s, "
      f"peak RSS {median['manager_peak_rss_mb']:.1f} MB (+{median['manager_rss_growth_mb']:.1f} MB for the sessions)")
PY
