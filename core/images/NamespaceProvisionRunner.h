// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PackageProvisioner.h"

#include <atomic>
#include <memory>

/// The ProvisionRunner of a Linux host: runs the install through `scorpiox-unshare` (built by
/// NamespaceLauncher, with --keep-overlay so the upper directory survives) in a QProcess,
/// blocking, with stdout and stderr merged. Call it on a worker thread.
class NamespaceProvisionRunner
{
public:
    /// Setting @p cancelled ends a running install (SIGTERM, then SIGKILL after the launcher's
    /// grace period). @p helperPath defaults to Paths::unshareHelper().
    explicit NamespaceProvisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled = {}, QString helperPath = {});

    Result<ProvisionRun> operator()(const LaunchSpec &spec) const;

    static constexpr int kCancelPollMs = 100;

private:
    std::shared_ptr<const std::atomic<bool>> m_cancelled;
    QString m_helperPath;
};
