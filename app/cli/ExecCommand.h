// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `exec ID [-- CMD]`: runs CMD (or a shell) inside a running session, so a person can take
/// over from an agent.
class ExecCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("exec"); }
    QStringList synopsis() const override { return {QStringLiteral("exec ID [-- CMD [ARG...]]")}; }
    int run(const QStringList &args, Console &console) override;
};
