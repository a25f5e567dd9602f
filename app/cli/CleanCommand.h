// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `clean`: deletes every cached image not in use, with archives, layers and stale staging.
class CleanCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("clean"); }
    QStringList synopsis() const override { return {QStringLiteral("clean")}; }
    int run(const QStringList &args, Console &console) override;
};
