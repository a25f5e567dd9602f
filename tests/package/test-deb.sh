#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb, checks it with lintian, installs it into a fresh root with dpkg --root, and
# runs the installed program from the installed files alone: --version, --cli doctor, and a
# container as an ordinary user. Also validates the .desktop file and the AppStream metainfo.
# usage: test-deb.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/scorpiox-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"

step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

step "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/pkg/scorpiox-desktop_*.deb)

step "cpack -G TGZ"
(cd "$build" && cpack -G TGZ -B "$work/tgz" >"$work/cpack-tgz.log" 2>&1) || { cat "$work/cpack-tgz.log"; fail "cpack TGZ"; }
tgz=$(ls "$work"/tgz/scorpiox-desktop-*.tar.gz)
tar -tzf "$tgz" >"$work/tgz.list"
for f in bin/scorpiox-desktop libexec/scorpiox/scorpiox-unshare share/scorpiox/images/default.tar.gz; do
    grep -q "/$f\$" "$work/tgz.list" || fail "the .tar.gz lacks $f"
done

step "Depends computed from the binaries"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# scorpiox-unshare links libseccomp shared (static bought no start-up time, see core/unshare).
for lib in libqt6core6 libqt6widgets6 libqt6network6 libarchive13 libvterm0 libqt6keychain1 libseccomp2; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
grep -q uidmap <<<"$recommends" && grep -q fuse-overlayfs <<<"$recommends" || fail "Recommends: $recommends"

step "lintian"
lintian --fail-on error,warning "$deb" >"$work/lintian.log" 2>&1 || { cat "$work/lintian.log"; fail "lintian reported problems"; }
grep -v "running with root privileges" "$work/lintian.log" || true

step "dpkg --root"
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
force=(--force-depends --force-script-chrootless)
[ "$(id -u)" -eq 0 ] || force+=(--force-not-root)
dpkg --root="$root" --log=/dev/null "${force[@]}" -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
for f in usr/bin/scorpiox-desktop usr/libexec/scorpiox/scorpiox-unshare usr/share/scorpiox/images/default.tar.gz \
    usr/share/scorpiox/translations/scorpiox_de.qm usr/share/applications/net.scorpiox.ScorpioxDesktop.desktop \
    usr/share/metainfo/net.scorpiox.ScorpioxDesktop.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/net.scorpiox.ScorpioxDesktop.svg usr/share/doc/scorpiox-desktop/copyright; do
    [ -e "$root/$f" ] || fail "not installed: /$f"
done

step "desktop-file-validate and appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/net.scorpiox.ScorpioxDesktop.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/net.scorpiox.ScorpioxDesktop.metainfo.xml"

step "the installed program, as an ordinary user, from the installed files alone"
# Nothing may point back at the build tree.
if grep -rq --binary-files=text "$build" "$root/usr/bin" "$root/usr/libexec"; then
    fail "an installed binary refers to the build tree $build"
fi
run_user=()
if [ "$(id -u)" -eq 0 ]; then
    "$src/tests/fixtures/unprivileged-user.sh" "$src" "$build" >/dev/null
    run_user=("$src/tests/fixtures/run-unprivileged.sh")
fi
home=$work/home
mkdir -p "$home/project"
printf 'IMAGE_BASE_URL=http://127.0.0.1:9/\n' >"$home/scorpiox-env.txt"
[ "$(id -u)" -ne 0 ] || chown -R scorpiox-test: "$home"
run() {
    "${run_user[@]}" env -u SCORPIOX_UNSHARE -u SCORPIOX_BUILTIN_IMAGES SCORPIOX_HOME="$home" \
        sh -c 'cd "$1/project" && shift && exec "$@"' sh "$home" "$@"
}
version=$(run "$root/usr/bin/scorpiox-desktop" --version)
[ "$version" = "scorpiox-desktop $(dpkg-deb -f "$deb" Version)" ] || fail "--version said '$version'"
run "$root/usr/bin/scorpiox-desktop" --cli doctor | tee "$work/doctor.log" || true
grep -q "ok    launcher: $root/usr/libexec/scorpiox/scorpiox-unshare" "$work/doctor.log" || fail "doctor did not find the installed launcher"
out=$(run "$root/usr/bin/scorpiox-desktop" --cli run --image default -- echo ok 2>"$work/run.err") || { cat "$work/run.err"; fail "run"; }
[ "$out" = "ok" ] || fail "run printed '$out'"
echo "package test passed"
