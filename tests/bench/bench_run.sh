#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end session start: `scorpiox-desktop --cli run --image default -- /bin/true` against
# scorpiox-unshare alone (the same container without the Qt program, settings, records and image
# check) and `podman run --rm` of the same rootfs, side by side in one run: medians of RUNS
# interleaved starts and the ratios. Runs as an ordinary user (as root it drops to scorpiox-test).
# usage: tests/bench/bench_run.sh [BUILD_DIR] [RUNS]      (defaults: build, 40)
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-40}
bench_as_ordinary_user "$build" "$build" "$runs"
desktop=$build/bin/scorpiox-desktop
helper=$build/libexec/scorpiox/scorpiox-unshare
[ -x "$desktop" ] && [ -x "$helper" ] || { echo "bench_run.sh: build the project in $build first" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-run.XXXXXX")
trap 'rm -rf "$work"; podman rmi -f scorpiox-bench-default >/dev/null 2>&1 || true' EXIT
export SCORPIOX_HOME=$work/home
mkdir -p "$SCORPIOX_HOME" "$work/project"
# No memory limit: this machine has no delegated cgroup, and the warning is not what is measured.
printf 'container_memory_mb=0\n' >"$SCORPIOX_HOME/scorpiox-env.txt"
(cd "$work/project" && "$desktop" --cli run --image default -- /bin/true) # imports the default image once

bench_podman_image "$build/share/scorpiox/images/default.tar.gz" scorpiox-bench-default

python3 - "$desktop" "$helper" "$work" "$runs" "$podman" <<'PY'
import os, statistics, subprocess, sys, time

desktop, helper, work, runs, podman = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
project = f"{work}/project"
rootfs = f"{os.environ['SCORPIOX_HOME']}/containers/images/default"
counter = iter(range(10**9))

tools = {
    "scorpiox-desktop --cli run": lambda: [desktop, "--cli", "run", "--image", "default", "--", "/bin/true"],
    "scorpiox-unshare alone": lambda: [helper, "--rootfs", rootfs, "--overlay", f"{work}/ov-{next(counter)}",
                                       "--bind", f"{project}:/workspace", "--", "/bin/true"],
}
if podman:
    tools["podman run --rm"] = lambda: podman.split() + ["run", "--rm", "--network=host", "-v",
                                                         f"{project}:/workspace", "scorpiox-bench-default", "/bin/true"]
times = {name: [] for name in tools}
for _ in range(runs):
    for name, argv in tools.items():
        start = time.perf_counter()
        code = subprocess.run(argv(), cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        elapsed = (time.perf_counter() - start) * 1000
        if code != 0:
            sys.exit(f"bench_run.sh: {name} failed with exit code {code}")
        times[name].append(elapsed)

medians = {name: statistics.median(values) for name, values in times.items()}
base = medians["scorpiox-desktop --cli run"]
print(f"{'':28} {'median ms':>10} {'p90 ms':>8} {'ratio':>8}   ({runs} runs each, interleaved)")
for name, values in times.items():
    p90 = sorted(values)[int(len(values) * 0.9) - 1]
    print(f"{name:28} {medians[name]:10.1f} {p90:8.1f} {medians[name] / base:7.2f}x")
print(f"target: --cli run under 40 ms median -> {'met' if base < 40 else 'NOT met'} ({base:.1f} ms)")
PY
