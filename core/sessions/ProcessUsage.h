// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

/// What a process and every process below it use right now, as /proc tells it: the tree of a
/// session's launcher is the session (PID namespaces keep host PIDs visible in /proc).
struct ProcessUsage
{
    qint64 cpuMs = 0;    ///< user + system CPU time consumed so far, summed over the tree
    qint64 rssBytes = 0; ///< resident memory, summed over the tree
    int processes = 0;

    /// Reads /proc (blocking, a few milliseconds): run it off the GUI thread. Nothing when @p pid
    /// does not exist or the system has no /proc (Windows: always nothing, see WinProcessUsage.cpp).
    static std::optional<ProcessUsage> ofTree(qint64 pid);

    /// CPU use between two samples taken @p elapsedMs apart, in percent of one core.
    static double cpuPercent(const ProcessUsage &before, const ProcessUsage &after, qint64 elapsedMs);
};
