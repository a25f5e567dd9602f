// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PackageProvisioner.h"

#include <atomic>
#include <memory>

/// The ProvisionRunner of a Linux host (NamespaceLauncher::provisionRunner()): runs the install through `scorpiox-unshare` (built by
/// NamespaceLauncher, with --keep-overlay so the upper directory survives) in a QProcess,
/// blocking, with stdout and stderr merged and handed on line by line as they come. Call it on
/// a worker thread.
///
/// The spec's timeout is the launcher's own (`--timeout`: SIGTERM to the container, SIGKILL to
/// its PID namespace after a grace period); should the launcher itself not end soon after, it is
/// killed here, and its container dies with it (the container's init has PR_SET_PDEATHSIG).
class NamespaceProvisionRunner
{
public:
    /// Setting @p cancelled ends a running install (SIGTERM, then SIGKILL after the launcher's
    /// grace period). @p helperPath defaults to Paths::unshareHelper().
    explicit NamespaceProvisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled = {}, QString helperPath = {},
                                      ProvisionLineHandler onLine = {});

    Result<ProvisionRun> operator()(const LaunchSpec &spec) const;

    static constexpr int kCancelPollMs = 100;
    /// Beyond the timeout, how long the launcher gets to end the container before it is killed.
    static constexpr int kLauncherGraceMs = 15000;
    /// The output kept for the error message of a failed install.
    static constexpr qsizetype kKeptOutput = 256 * 1024;

private:
    std::shared_ptr<const std::atomic<bool>> m_cancelled;
    QString m_helperPath;
    ProvisionLineHandler m_onLine;
};
