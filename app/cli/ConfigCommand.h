// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

class Settings;

/// `config list|get|set|unset|validate`: reads and edits the layered scorpiox-env.txt files.
class ConfigCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("config"); }
    QStringList synopsis() const override;
    int run(const QStringList &args, Console &console) override;

private:
    int list(Settings &settings, Console &console);
    int get(Settings &settings, const QStringList &words, Console &console);
    int set(Settings &settings, const QStringList &words, bool global, Console &console);
    int unset(Settings &settings, const QStringList &words, bool global, Console &console);
    int validate(Settings &settings, Console &console);
};
