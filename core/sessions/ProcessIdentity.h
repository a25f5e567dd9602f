// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

/// A process named so that a reused PID does not pass for it: the PID plus the start time the
/// kernel recorded for it (Linux: field 22 of /proc/PID/stat, clock ticks since boot; Windows: the
/// process creation time).
struct ProcessIdentity
{
    qint64 pid = 0;
    quint64 startTime = 0;

    /// The identity of a running process, or nothing when it does not exist.
    static std::optional<ProcessIdentity> of(qint64 pid);
    static ProcessIdentity self();

    /// True when a process with this PID runs and started at this time.
    bool isAlive() const;

    friend bool operator==(const ProcessIdentity &, const ProcessIdentity &) = default;
};
