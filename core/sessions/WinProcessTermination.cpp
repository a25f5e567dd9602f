// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessTermination.h"

#include <windows.h>

namespace ProcessTermination {

void requestEnd(qint64 pid)
{
    force(pid);
}

void force(qint64 pid)
{
    if (pid <= 0)
        return;
    if (const HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid))) {
        // 128 + SIGTERM, as the Unix launcher's status would read.
        TerminateProcess(process, 143);
        CloseHandle(process);
    }
}

} // namespace ProcessTermination
