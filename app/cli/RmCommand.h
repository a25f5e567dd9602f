// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `rm NAME`: deletes a cached image, its metadata and its archive.
class RmCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("rm"); }
    QStringList synopsis() const override { return {QStringLiteral("rm NAME")}; }
    int run(const QStringList &args, Console &console) override;
};
