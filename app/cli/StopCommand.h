// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `stop ID`: ends a session run by any process — SIGTERM, a grace period, then SIGKILL — and
/// waits until its owner has cleaned up (or cleans up itself when the owner is gone).
class StopCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("stop"); }
    QStringList synopsis() const override { return {QStringLiteral("stop ID")}; }
    int run(const QStringList &args, Console &console) override;
};
