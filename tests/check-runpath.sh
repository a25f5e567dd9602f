#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a program's RUNPATH/RPATH has an empty or relative entry: the loader resolves those
# against the working directory, so running the program from a directory someone else controls
# would load their libraries (CMake pads an empty build-tree RUNPATH with ':' when it expects to
# rewrite it at install time).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: check-runpath.sh PROGRAM..." >&2; exit 2; }
command -v readelf >/dev/null || { echo "readelf missing: install binutils" >&2; exit 1; }
status=0
for program in "$@"; do
    paths=$(readelf -d "$program" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]$/\2/p')
    [ -n "$paths" ] || { echo "ok    $program: no RUNPATH"; continue; }
    IFS=: read -r -a entries <<<"$paths:"
    for entry in "${entries[@]}"; do
        case $entry in
            /*|'$ORIGIN'|'$ORIGIN/'*) ;;
            *) echo "FAIL  $program: RUNPATH [$paths] has the entry '$entry', searched from the working directory"
               status=1; break ;;
        esac
    done
    [ $status -ne 0 ] || echo "ok    $program: RUNPATH [$paths]"
done
exit $status
