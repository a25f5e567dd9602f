// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManagerJob.h"

#include "Logging.h"
#include "pty/win/JobObject.h"

namespace ManagerJob {

void enter()
{
    if (const Win32Failure failed = JobObject::containCurrentProcess())
        qCWarning(lcSessions, "%s: wsl.exe calls may outlive this process if it is killed", failed.message.c_str());
}

} // namespace ManagerJob
