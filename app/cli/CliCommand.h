// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

/// Where a command writes: results to `out`, diagnostics and progress to `err`.
struct Console
{
    QTextStream out{stdout};
    QTextStream err{stderr};
};

/// One `--cli` command. run() returns the process exit code.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    /// One usage line per form, for `--help`.
    virtual QStringList synopsis() const = 0;
    virtual int run(const QStringList &args, Console &console) = 0;

protected:
    static int runEventLoop(const std::function<void(std::function<void(int)> exit)> &start);
};

/// Runs the application's event loop until @p start's work calls the exit function it is
/// given; returns the code passed to it. The CLI has no other loop, so this is not nested.
int runCliEventLoop(const std::function<void(std::function<void(int)> exit)> &start);
