// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `pull NAME`: downloads an image from the registry (IMAGE_BASE_URL) into the cache.
class PullCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("pull"); }
    QStringList synopsis() const override { return {QStringLiteral("pull NAME")}; }
    int run(const QStringList &args, Console &console) override;
};
