#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Links the Windows smoke programs (pseudo console; job objects and console control events; console
# stream detection) with mingw-w64 and runs them under wine. Exit 77 = skipped.
set -euo pipefail
src=${1:?usage: conpty-wine-smoke.sh SOURCE_DIR BUILD_DIR}
out=${2:?usage: conpty-wine-smoke.sh SOURCE_DIR BUILD_DIR}/conpty-wine
command -v wine >/dev/null || { echo "SKIP: wine is not installed"; exit 77; }
mkdir -p "$out"
build() {
    x86_64-w64-mingw32-g++ -std=c++20 -Wall -Wextra -Werror -static -I"$src/core" "$@"
}
build "$src/tests/conpty/conpty_smoke.cpp" "$src/core/pty/win/PseudoConsoleProcess.cpp" \
    "$src/core/pty/win/JobObject.cpp" "$src/core/pty/win/Win32.cpp" -o "$out/conpty_smoke.exe"
build "$src/tests/conpty/job_smoke.cpp" "$src/core/sessions/win/JobProcess.cpp" \
    "$src/core/sessions/win/ConsoleControl.cpp" "$src/core/pty/win/JobObject.cpp" "$src/core/pty/win/Win32.cpp" \
    -municode -o "$out/job_smoke.exe"
build -I"$src/app" "$src/tests/conpty/console_streams_smoke.cpp" "$src/app/cli/WinConsoleStreams.cpp" \
    -o "$out/console_streams_smoke.exe"
export WINEPREFIX="$out/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if ! timeout 120 wine wineboot --init >"$out/wineboot.log" 2>&1; then
    echo "SKIP: wine cannot create a prefix here (see $out/wineboot.log)"
    exit 77
fi
timeout 60 wine "$out/conpty_smoke.exe"
timeout 60 wine "$out/job_smoke.exe"
# Every standard stream a file, as when a script runs the CLI.
streams=0
timeout 60 wine "$out/console_streams_smoke.exe" </dev/null >"$out/streams.txt" 2>"$out/streams-err.txt" || streams=$?
cat "$out/streams.txt"
exit $streams
