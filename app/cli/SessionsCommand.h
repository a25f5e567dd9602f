// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `sessions [--json]`: the live sessions of every process using this cache.
class SessionsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sessions"); }
    QStringList synopsis() const override { return {QStringLiteral("sessions [--json]")}; }
    int run(const QStringList &args, Console &console) override;
};
