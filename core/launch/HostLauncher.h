// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Launcher.h"

/// `container_enabled=false`: the command runs on the host, unisolated, in the project directory.
class HostLauncher : public Launcher
{
public:
    QString backend() const override { return QStringLiteral("host"); }
    Result<LaunchCommand> command(const LaunchSpec &spec, const SessionRecord &record) const override;
    Result<LaunchCommand> enter(const SessionRecord &record, const QStringList &command) const override;
};
