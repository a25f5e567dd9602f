// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>

#include <functional>

/// How a test process ended: its exit code (-1 when it crashed or timed out) and its output.
struct ProcessOutcome
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/// Waiting on the real processes the container tests start, without sleeping blindly.
namespace ProcessWait {

/// Waits up to @p timeoutMs for @p process, killing it when it takes longer.
ProcessOutcome finish(QProcess &process, int timeoutMs);

/// Polls @p condition every 20 ms (events keep flowing) until it holds or @p timeoutMs pass.
bool until(const std::function<bool()> &condition, int timeoutMs);

/// How many host processes other than this one have @p marker in their command line.
int countWithCmdline(const QByteArray &marker);

/// The host PID from the `{"pid":N}` line scorpiox-unshare wrote to @p infoFile, waiting up to
/// @p timeoutMs for it; 0 when none came.
qint64 reportedPid(const QString &infoFile, int timeoutMs);

} // namespace ProcessWait
