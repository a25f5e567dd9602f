// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessTermination.h"

#include <csignal>

namespace ProcessTermination {

void requestEnd(qint64 pid)
{
    if (pid > 0)
        ::kill(pid_t(pid), SIGTERM);
}

void force(qint64 pid)
{
    if (pid > 0)
        ::kill(pid_t(pid), SIGKILL);
}

} // namespace ProcessTermination
