// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

/// Runs the real `scorpiox-desktop` binary and collects what it printed.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false; ///< false when it timed out or could not start
};

class CliRunner
{
public:
    /// Runs `scorpiox-desktop ARGS` in @p workDir with @p stdinData piped in.
    static CliResult run(const QStringList &args, const QString &workDir = {}, const QByteArray &stdinData = {},
                         int timeoutMs = 60000);
    /// Same, with `--cli` put in front.
    static CliResult cli(const QStringList &args, const QString &workDir = {}, const QByteArray &stdinData = {},
                         int timeoutMs = 60000);
};
