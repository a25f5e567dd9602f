# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-configures for 64-bit Windows with Debian's mingw-w64, against this machine's Qt 6 and
# library CMake packages: there is no Windows Qt here, so tests/windows/configure-check.cmake only
# configures and generates (the WIN32 branches of the build), it never compiles.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
# The posix thread model: Qt's QThread::create needs std::future, which the win32 model lacks.
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 /usr)
# Host programs (moc, lrelease, pkg-config) run here; packages, headers and libraries come from
# either root.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
# Debian keeps those packages and libraries in its multiarch directory, /usr/lib/x86_64-linux-gnu.
set(CMAKE_LIBRARY_ARCHITECTURE x86_64-linux-gnu)
