// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QStringList>

#include <optional>

/// A command's arguments, consumed option by option. Everything after `--` is kept apart
/// and never read as an option, so `-- --rootfs` runs a program named `--rootfs`.
class CliArgs
{
public:
    explicit CliArgs(const QStringList &args);

    /// Removes a boolean flag; true when it was present.
    bool takeFlag(const QString &name);
    /// Removes the last `NAME VALUE` or `NAME=VALUE`; an error when NAME has no value.
    Result<std::optional<QString>> takeValue(const QString &name);
    /// Removes every `NAME VALUE` / `NAME=VALUE`, in order.
    Result<QStringList> takeValues(const QString &name);

    /// What is left before `--`; an error naming the first unknown option, if any.
    Result<QStringList> positionals() const;
    /// Everything after `--`.
    QStringList command() const { return m_command; }
    bool hasCommand() const { return m_hasSeparator; }

private:
    QStringList m_args;
    QStringList m_command;
    bool m_hasSeparator = false;
};
