# SPDX-License-Identifier: GPL-3.0-or-later
# Run by tst_imagefaults inside `unshare -Urm`: mounts a 2 MB tmpfs over the image cache $CACHE,
# imports a small image, then tries images too big for it with the real CLI $BIN, writing
# each step's stdout, stderr, exit code and a listing with checksums of the cache to $WORK.
set -u
mount -t tmpfs -o size=2m tmpfs "$CACHE" || exit 90
"$BIN" --cli import "$WORK/small.tar.gz" --name small >/dev/null 2>&1 || exit 91
# Everything but the lock files, which stay by design (deleting them would race).
snapshot() { (cd "$CACHE" && find . ! -name '*.lock' -printf '%y %m %p\n' | sort && find . -type f ! -name '*.lock' -exec sha256sum {} + | sort); }
snapshot > "$WORK/before"
step() { "$BIN" --cli "$@" > "$WORK/$NAME.out" 2> "$WORK/$NAME.err"; echo $? > "$WORK/$NAME.code"; snapshot > "$WORK/$NAME.after"; }
NAME=pull-big step pull big
NAME=pull-zeros step pull zeros
NAME=import-zeros step import "$WORK/zeros.tar.gz" --name zeros
