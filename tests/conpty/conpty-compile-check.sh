#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compile-checks the Qt-free Windows code (pseudo console, job objects, console control events)
# with mingw-w64, as Windows builds would.
set -euo pipefail
src=${1:?usage: conpty-compile-check.sh SOURCE_DIR BUILD_DIR}
out=${2:?usage: conpty-compile-check.sh SOURCE_DIR BUILD_DIR}/conpty-check
cxx=x86_64-w64-mingw32-g++
command -v "$cxx" >/dev/null || { echo "$cxx missing: install g++-mingw-w64-x86-64 (installer/bootstrap.sh)"; exit 1; }
mkdir -p "$out"
files=$(cd "$src" && ls core/pty/win/*.cpp core/sessions/win/*.cpp tests/conpty/*.cpp)
# One compiler run for all (objects land in $out): start-up is most of the time on a busy machine.
(cd "$out" && "$cxx" -std=c++20 -Wall -Wextra -Werror -I"$src/core" -I"$src/app" -c $(printf "$src/%s " $files))
echo "mingw-w64 compiles the Windows code cleanly:" $files
