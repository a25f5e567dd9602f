// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// windows.h as every Qt-free Win32 file here needs it, and their common failure value. Plain
// C++, no Qt, so these files can be compile-checked with mingw-w64 on Linux.

// The pseudo console API exists from Windows 10 1809 (NTDDI_WIN10_RS5) on.
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0A00
#endif
#ifndef NTDDI_VERSION
#define NTDDI_VERSION 0x0A000006
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

#include <string>

/// Empty on success, otherwise what failed and the Win32 reason.
struct Win32Failure
{
    DWORD code = ERROR_SUCCESS;
    std::string message;
    explicit operator bool() const { return code != ERROR_SUCCESS; }

    /// @p what, then GetLastError()'s text.
    static Win32Failure lastError(const char *what);
};

/// Closes @p handle unless it is null or invalid, and nulls it.
void closeWin32Handle(HANDLE &handle);
/// The exit code of @p process once it ended; STILL_ACTIVE while it runs, or for no process.
DWORD processExitCode(HANDLE process);
