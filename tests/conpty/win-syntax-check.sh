#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Syntax-checks every C++ file a Windows build compiles (the list CMake generates from the targets)
# with mingw-w64, against this machine's Qt headers: Windows system headers, Q_OS_WIN set, but
# Linux Qt's configuration. It catches POSIX calls in portable code and type or API mistakes in the
# Windows glue, not link or ABI problems (there is no Windows Qt here to link against).
set -euo pipefail
usage="usage: win-syntax-check.sh SOURCE_DIR SOURCE_LIST QT_HEADERS_DIR WORK_DIR"
src=${1:?$usage}
list=${2:?$usage}
qt=${3:?$usage}
work=${4:?$usage}
# The posix thread model: Qt's QThread::create needs std::future, which the win32 model lacks.
cxx=x86_64-w64-mingw32-g++-posix
command -v "$cxx" >/dev/null || { echo "$cxx missing: install g++-mingw-w64-x86-64 (installer/bootstrap.sh)"; exit 1; }

# A wrong list would pass quietly: it must name Windows files and no Unix-only ones.
for file in app/main.cpp core/pty/ConPty.cpp core/sessions/WinSessionProcess.cpp app/cli/WinInterruptSource.cpp ui/MainWindow.cpp; do
    grep -qxF "$file" "$list" || { echo "$list lacks $file: the CMake list of Windows sources is wrong"; exit 1; }
done
for file in core/pty/UnixPty.cpp core/sessions/UnixSessionProcess.cpp app/cli/SignalPipe.cpp; do
    ! grep -qxF "$file" "$list" || { echo "$list names the Unix-only $file"; exit 1; }
done

# The third-party C headers the sources include, and nothing else of /usr/include: glibc's own
# headers would shadow mingw's.
shim="$work/include"
rm -rf "$shim" "$work/logs"
mkdir -p "$shim/openssl" "$work/logs"
for header in archive.h archive_entry.h vterm.h vterm_keycodes.h; do
    ln -s "/usr/include/$header" "$shim/$header"
done
ln -s /usr/include/qt6keychain "$shim/qt6keychain"
ln -s /usr/include/openssl/* /usr/include/x86_64-linux-gnu/openssl/* "$shim/openssl/" 2>/dev/null || true

flags=(-std=c++20 -Wall -Wextra -Werror
       # Linux Qt headers declare no dllimport/dllexport pairs, as a static Windows Qt.
       -DQT_STATIC -DUNICODE -D_UNICODE
       -DQT_NO_CAST_FROM_ASCII -DQT_NO_KEYWORDS -DQT_USE_QSTRINGBUILDER -DQT_NO_NARROWING_CONVERSIONS_IN_CONNECT
       -DSCORPIOX_VERSION=\"0\"
       -I"$src/core" -I"$src/ui" -I"$src/app" -I"$shim"
       -I"$qt" -I"$qt/QtCore" -I"$qt/QtConcurrent" -I"$qt/QtNetwork" -I"$qt/QtGui" -I"$qt/QtWidgets" -I"$qt/QtSvg")
# Qt's headers are most of each file's time: parsed once into a precompiled header. Files still
# include what they use; the Linux build checks that. The header brings <windows.h> (through
# QtGui) into every file, so its macros (near, far, min, max, ERROR, ...) must not clash anywhere,
# as in a Windows build that uses a precompiled header.
pch="$work/pch/qt.h"
mkdir -p "$work/pch"
printf '#include <%s>\n' QtCore/QtCore QtNetwork/QtNetwork QtConcurrent/QtConcurrent QtWidgets/QtWidgets >"$pch"
"$cxx" "${flags[@]}" -x c++-header "$pch" -o "$pch.gch"
flags+=(-fsyntax-only -include "$pch" -Winvalid-pch)
export cxx src work
export flags_joined="${flags[*]}"
check() {
    local log="$work/logs/$(echo "$1" | tr / _).log"
    # shellcheck disable=SC2086
    if "$cxx" $flags_joined -I"$src/$(dirname "$1")" "$src/$1" >"$log" 2>&1; then
        echo "ok $1"
    else
        echo "FAILED $1"
    fi
}
export -f check
results=$(grep . "$list" | xargs -P "$(nproc)" -I{} bash -c 'check "$@"' _ {})
count=$(grep -c . "$list")
status=0
failed=0
while read -r outcome file; do
    if [ "$outcome" = FAILED ]; then
        echo "FAILED: $file"
        failed=$((failed + 1))
        head -n 15 "$work/logs/$(echo "$file" | tr / _).log"
        status=1
    fi
done <<<"$results"
echo "mingw-w64: $((count - failed)) of $count files a Windows build compiles pass, $failed fail"
exit $status
