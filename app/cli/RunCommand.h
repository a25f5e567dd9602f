// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `run`: one session from the command line, attached to the caller's terminal or pipes.
class RunCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("run"); }
    QStringList synopsis() const override;
    int run(const QStringList &args, Console &console) override;
};
