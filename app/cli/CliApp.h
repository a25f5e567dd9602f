// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

#include <memory>
#include <optional>
#include <vector>

/// The headless face: picks the command named by the first argument and runs it.
class CliApp
{
public:
    CliApp();
    ~CliApp();

    /// @p args are the words after `--cli`.
    int run(const QStringList &args);
    /// Usage of every command, for `--help`.
    QString usage() const;

    /// The command words for a seed spelling (`--list-images`, `--clean`,
    /// `--container-import FILE --name NAME`, `--image X -- CMD`), or nothing.
    static std::optional<QStringList> fromSeedSpelling(const QStringList &args);

private:
    std::vector<std::unique_ptr<CliCommand>> m_commands;
    Console m_console;
};
