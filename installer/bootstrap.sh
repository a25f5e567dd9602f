#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every build and test dependency of Scorpiox Desktop on Debian 12.
# The one place that lists them. Idempotent: packages already present are skipped.
set -euo pipefail

build_deps=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev libqt6svg6 qtkeychain-qt6-dev
    libarchive-dev libssl-dev libvterm-dev libseccomp-dev libgl-dev
    busybox-static
)
test_deps=(
    uidmap fuse-overlayfs bubblewrap util-linux passwd acl procps psmisc
    xvfb xauth fonts-dejavu-core dbus gnome-keyring
    python3 zstd xz-utils libarchive-tools
    g++-mingw-w64-x86-64 wine wine64 xterm fonts-droid-fallback fonts-noto-color-emoji
    dpkg-dev fakeroot lintian desktop-file-utils appstream trayer
    debootstrap bc curl
    clang libclang-rt-14-dev
)
# The peers the benchmarks in tests/bench/ measure against.
bench_deps=(
    podman runc
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo" >&2; exit 1; }
    sudo_cmd=(sudo)
fi

missing=()
for pkg in "${build_deps[@]}" "${test_deps[@]}" "${bench_deps[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "bootstrap: installing ${#missing[@]} package(s): ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { "${sudo_cmd[@]}" apt-get update -qq && \
       "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "bootstrap: apt-get failed (output above)" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
