// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `secret set NAME` (value from stdin), `secret list`, `secret rm NAME`: the keychain's secrets.
class SecretCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("secret"); }
    QStringList synopsis() const override;
    int run(const QStringList &args, Console &console) override;
};
