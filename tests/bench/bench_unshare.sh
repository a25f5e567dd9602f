#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up time of scorpiox-unshare against bubblewrap and util-linux unshare, side by side in one
# run: median wall time of RUNS starts of /bin/true each, interleaved so that the three share the
# machine's state alike, and the ratios. Runs as an ordinary user (as root it drops to
# scorpiox-test, like the tests), because a rootless runtime timed as root measures something else.
# Any further arguments are other scorpiox-unshare binaries (e.g. the previous build, copied aside)
# run the same way in the same loop: the A/B comparison of a change, as the ratio of medians.
# usage: tests/bench/bench_unshare.sh [BUILD_DIR] [RUNS] [OTHER_BINARY...]   (defaults: build, 50)
set -euo pipefail
source "$(dirname "$0")/common.sh"
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-50}
others=()
for other in "${@:3}"; do
    [ -x "$other" ] || { echo "bench_unshare.sh: $other is not an executable" >&2; exit 1; }
    others+=("$(readlink -f "$other")")
done
bench_as_ordinary_user "$build" "$build" "$runs" "${others[@]}"
helper=$build/libexec/scorpiox/scorpiox-unshare
[ -x "$helper" ] || { echo "bench_unshare.sh: build $helper first" >&2; exit 1; }
command -v bwrap >/dev/null || { echo "bench_unshare.sh: install bubblewrap" >&2; exit 1; }
[ "$runs" -ge 30 ] || { echo "bench_unshare.sh: use at least 30 runs" >&2; exit 1; }

# A fresh directory: on this machine's journal-less ext4, files created right after many were
# deleted are slow to make, which would bias whichever tool runs first.
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-unshare.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$src/resources/default-image/build-rootfs.sh" "$work/rootfs" >/dev/null
mkdir "$work/project"

python3 - "$helper" "$work" "$runs" "${others[@]}" <<'PY'
import os, statistics, subprocess, sys, time

helper, work, runs, others = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
rootfs, project = f"{work}/rootfs", f"{work}/project"
counter = iter(range(10**9))

def scorpiox(binary=helper):
    return [binary, "--rootfs", rootfs, "--overlay", f"{work}/ov-{next(counter)}",
            "--bind", f"{project}:/workspace", "--", "/bin/true"]

shm = os.environ.get("XDG_RUNTIME_DIR") or "/dev/shm"

def scorpiox_tmpfs():
    # The same, with the overlay's upper/work dirs on a tmpfs: shows what the disk costs.
    return [helper, "--rootfs", rootfs, "--overlay", f"{shm}/bench-unshare-{os.getpid()}-{next(counter)}",
            "--bind", f"{project}:/workspace", "--", "/bin/true"]

def scorpiox_single():
    # The same, mapping only the caller's id as bwrap does (no setuid newuidmap/newgidmap).
    return scorpiox()

def scorpiox_single_tmpfs():
    # Both: what is left is the launcher's own work.
    return scorpiox_tmpfs()

def bwrap():
    # The same namespaces and mounts, minus the overlay bwrap does not have.
    return ["bwrap", "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--ro-bind", rootfs, "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
            "--bind", project, "/workspace", "--die-with-parent", "--", "/bin/true"]

def unshare():
    return ["unshare", "-Urpmf", "--mount-proc", "true"]

tools = {"scorpiox-unshare": scorpiox, "  overlay on tmpfs": scorpiox_tmpfs,
         "  single id mapping": scorpiox_single, "  both": scorpiox_single_tmpfs, "bwrap": bwrap,
         "unshare -Urpmf": unshare}
for i, other in enumerate(others):
    tools[f"other {i + 1}"] = lambda binary=other: scorpiox(binary)
single = dict(os.environ, SCORPIOX_UNSHARE_SINGLE_ID="1")
envs = {"  single id mapping": single, "  both": single}
times = {name: [] for name in tools}
for warmup in range(3):
    for name, make in tools.items():
        subprocess.run(make(), check=True, env=envs.get(name))
for run in range(runs):
    # Every other round backwards, so that no tool always follows the same one.
    for name, make in (list(tools.items()) if run % 2 == 0 else list(tools.items())[::-1]):
        argv = make()
        start = time.perf_counter()
        rc = subprocess.run(argv, env=envs.get(name)).returncode
        elapsed = time.perf_counter() - start
        if rc != 0:
            sys.exit(f"{name} failed with exit code {rc}: {' '.join(argv)}")
        times[name].append(elapsed * 1000)

leftover = [e for e in os.listdir(work) if e.startswith("ov-")]
leftover += [e for e in os.listdir(shm) if e.startswith(f"bench-unshare-{os.getpid()}-")]
if leftover:
    sys.exit(f"scorpiox-unshare left {len(leftover)} overlay directories behind")

med = {name: statistics.median(t) for name, t in times.items()}
print(f"start-up to exit of /bin/true, {runs} runs each, interleaved ({os.cpu_count()} cpus)")
print(f"{'tool':<20}{'median ms':>10}{'p10 ms':>9}{'p90 ms':>9}")
for name, t in times.items():
    q = statistics.quantiles(t, n=10)
    print(f"{name:<20}{med[name]:>10.2f}{q[0]:>9.2f}{q[-1]:>9.2f}")
s = med["scorpiox-unshare"]
print(f"ratio scorpiox-unshare / bwrap          = {s / med['bwrap']:.2f}  (target <= 1.5)")
print(f"ratio scorpiox-unshare / unshare -Urpmf = {s / med['unshare -Urpmf']:.2f}")
print(f"ratio overlay-on-tmpfs / bwrap         = {med['  overlay on tmpfs'] / med['bwrap']:.2f}")
print(f"ratio single-id-mapping / bwrap        = {med['  single id mapping'] / med['bwrap']:.2f}")
print(f"ratio both / bwrap                     = {med['  both'] / med['bwrap']:.2f}")
for i, other in enumerate(others):
    print(f"ratio other {i + 1} / scorpiox-unshare  = {med[f'other {i + 1}'] / s:.2f}  ({other})")
print(f"scorpiox-unshare median {s:.2f} ms (target < 5 ms), load average {os.getloadavg()[0]:.1f}")
PY
