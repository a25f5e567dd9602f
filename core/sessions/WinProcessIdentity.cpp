// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessIdentity.h"

#include <windows.h>

std::optional<ProcessIdentity> ProcessIdentity::of(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    const HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return std::nullopt;
    // A handle keeps an exited process's object (and PID) alive: only STILL_ACTIVE is running.
    DWORD exitCode = 0;
    FILETIME created {};
    FILETIME exited {};
    FILETIME kernel {};
    FILETIME user {};
    const bool running = GetExitCodeProcess(process, &exitCode) && exitCode == STILL_ACTIVE;
    const bool timed = GetProcessTimes(process, &created, &exited, &kernel, &user);
    CloseHandle(process);
    if (!running || !timed)
        return std::nullopt;
    // The creation time in 100 ns steps since 1601: a reused PID has another.
    return ProcessIdentity{pid, (quint64(created.dwHighDateTime) << 32) | created.dwLowDateTime};
}
