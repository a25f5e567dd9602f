// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `doctor`: checks the settings and what sessions need from this machine, with a fix for each problem.
class DoctorCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("doctor"); }
    QStringList synopsis() const override { return {QStringLiteral("doctor [--project DIR]")}; }
    int run(const QStringList &args, Console &console) override;
};
