#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the rootfs of the built-in `default` image from Debian's busybox-static into DIR.
# Used by the build (to make the default image tarball) and by the tests (as a tiny rootfs).
# usage: build-rootfs.sh DIR     (DIR must not exist or be empty)
set -euo pipefail
dir=${1:?usage: build-rootfs.sh DIR}
busybox=${BUSYBOX:-/bin/busybox}
if ! "$busybox" --list-full >/dev/null 2>&1; then
    echo "build-rootfs.sh: $busybox is not a static busybox; install busybox-static" >&2
    exit 1
fi
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "build-rootfs.sh: $dir is not empty" >&2
    exit 1
fi

mkdir -p "$dir"
cd "$dir"
mkdir -p bin sbin usr/bin usr/sbin usr/local/bin etc root tmp dev proc sys run var/tmp home workspace
chmod 1777 tmp var/tmp
chmod 0700 root
install -m 0755 "$busybox" bin/busybox
"$busybox" --list-full | while read -r applet; do
    case "$applet" in bin/busybox | linuxrc) continue ;; esac
    up=""
    slashes=${applet//[^\/]/}
    for ((i = 0; i < ${#slashes}; i++)); do up+="../"; done
    [ -e "$applet" ] || ln -s "${up}bin/busybox" "$applet"
done

cat >etc/passwd <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >etc/group <<'GROUP'
root:x:0:
nogroup:x:65534:
GROUP
cat >etc/os-release <<'OS'
NAME="Scorpiox default"
ID=scorpiox-default
PRETTY_NAME="Scorpiox default image (busybox)"
OS
echo scorpiox >etc/hostname
: >etc/resolv.conf
printf '127.0.0.1 localhost\n::1 localhost\n' >etc/hosts
cat >etc/profile <<'PROFILE'
export PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
export PS1='\u@\h:\w\$ '
PROFILE
