// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessUsage.h"

std::optional<ProcessUsage> ProcessUsage::ofTree(qint64)
{
    // A WSL session's work runs inside the WSL virtual machine, which Windows accounts to vmmem,
    // not to the session's wsl.exe: the host process tree would report a few idle megabytes as
    // the session's use. No figure is better than a wrong one; the views show none.
    return std::nullopt;
}
