// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessUsage.h"

#include <algorithm>

// ofTree() reads /proc in UnixProcessUsage.cpp; WinProcessUsage.cpp has nothing to read.

double ProcessUsage::cpuPercent(const ProcessUsage &before, const ProcessUsage &after, qint64 elapsedMs)
{
    if (elapsedMs <= 0)
        return 0.0;
    return std::max<qint64>(0, after.cpuMs - before.cpuMs) * 100.0 / double(elapsedMs);
}
