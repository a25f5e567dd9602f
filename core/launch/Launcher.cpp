// SPDX-License-Identifier: GPL-3.0-or-later
#include "Launcher.h"

Result<void> Launcher::prepare(const LaunchSpec &, const SessionRecord &)
{
    return {};
}

Result<void> Launcher::release(const SessionRecord &)
{
    return {};
}

ProvisionRunner Launcher::provisionRunner(std::shared_ptr<const std::atomic<bool>>, ProvisionLineHandler) const
{
    return {};
}
