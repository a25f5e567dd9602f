# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the benchmark scripts: where things are, and the two set-ups they share.

here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
src=$(cd "$here/../.." && pwd)

# A rootless runtime timed as root measures something else: as root, re-run the calling script as
# the test user (made like the tests make it) with the same arguments.
bench_as_ordinary_user()
{
    local build=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        "$src/tests/fixtures/unprivileged-user.sh" "$src" "$build" >/dev/null
        exec "$src/tests/fixtures/run-unprivileged.sh" "$here/$(basename "${BASH_SOURCE[1]}")" "$@"
    fi
}

# Imports TARBALL into podman as IMAGE and sets $podman to a podman command line that runs it, or
# to "" (with a note) when podman cannot run containers here. The caller removes IMAGE.
bench_podman_image()
{
    local tarball=$1 image=$2 flags
    podman=""
    if command -v podman >/dev/null && podman import -q "$tarball" "$image" >/dev/null 2>&1; then
        # crun refuses hybrid cgroups (as on this machine); runc with cgroupfs runs rootless there.
        for flags in "" "--runtime runc --cgroup-manager cgroupfs"; do
            # shellcheck disable=SC2086
            if podman $flags run --rm --network=host "$image" /bin/true >/dev/null 2>&1; then
                podman="podman $flags"
                return
            fi
        done
    fi
    echo "$(basename "${BASH_SOURCE[1]}"): podman cannot run containers here; comparing without it" >&2
}
