// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessIdentity.h"

#include <QCoreApplication>

// of() asks the platform: UnixProcessIdentity.cpp reads /proc, WinProcessIdentity.cpp the process
// times Windows keeps.

ProcessIdentity ProcessIdentity::self()
{
    return of(QCoreApplication::applicationPid()).value_or(ProcessIdentity{QCoreApplication::applicationPid(), 0});
}

bool ProcessIdentity::isAlive() const
{
    const std::optional<ProcessIdentity> now = of(pid);
    return now && now->startTime == startTime;
}
