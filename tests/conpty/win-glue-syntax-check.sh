#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Syntax-checks the Qt glue that only Windows builds compile (ConPty, WinSessionProcess, ...) with
# mingw-w64, against this machine's Qt headers: Windows system headers, Q_OS_WIN set, but Linux
# Qt's configuration. It catches type and API mistakes in the glue, not link or ABI problems.
set -euo pipefail
src=${1:?usage: win-glue-syntax-check.sh SOURCE_DIR QT_HEADERS_DIR}
qt=${2:?usage: win-glue-syntax-check.sh SOURCE_DIR QT_HEADERS_DIR}
# The posix thread model: Qt's QThread::create needs std::future, which the win32 model lacks.
cxx=x86_64-w64-mingw32-g++-posix
command -v "$cxx" >/dev/null || { echo "$cxx missing: install g++-mingw-w64-x86-64 (installer/bootstrap.sh)"; exit 1; }
files="core/pty/Pty.cpp core/pty/ConPty.cpp core/pty/WinCommandLine.cpp core/sessions/SessionProcess.cpp
       core/sessions/WinSessionProcess.cpp core/sessions/ConsoleControlNotifier.cpp core/sessions/Session.cpp
       core/wsl/WslExecutable.cpp"
# QT_STATIC: Linux Qt headers declare no dllimport/dllexport pairs, as a static Windows Qt.
"$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -DQT_STATIC \
    -DQT_NO_CAST_FROM_ASCII -DQT_NO_KEYWORDS -DQT_USE_QSTRINGBUILDER \
    -I"$src/core" -I"$qt" -I"$qt/QtCore" -I"$qt/QtConcurrent" -I"$qt/QtNetwork" $(printf "$src/%s " $files)
echo "mingw-w64 accepts the Windows Qt glue:" $files
