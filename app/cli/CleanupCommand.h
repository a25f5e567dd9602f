// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `cleanup [--dry-run]`: removes what crashed sessions left behind (records, overlays, staging
/// dirs, WSL distros); never a live session.
class CleanupCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("cleanup"); }
    QStringList synopsis() const override { return {QStringLiteral("cleanup [--dry-run]")}; }
    int run(const QStringList &args, Console &console) override;
};
