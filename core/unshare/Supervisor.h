// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContainerPlan.h"
#include "FuseOverlay.h"
#include "MemoryCgroup.h"
#include "StatusReport.h"

/// The launcher side of a run: creates the namespaces (one clone), writes the uid/gid maps,
/// lets the container go, then watches it: forwards signals, enforces --timeout (SIGTERM, then
/// SIGKILL after a grace period, exit 124), mounts fuse-overlayfs when the init asks for it, and
/// removes the overlay directory when it ends (all of it, or only its work directory with
/// --keep-overlay).
class Supervisor
{
public:
    Supervisor(const ContainerPlan &plan, const StatusReport &report) : m_plan(plan), m_report(report) { }

    /// Returns the exit code of scorpiox-unshare.
    int run();
    /// `--enter`: the caller has joined the container's namespaces; forks the command into them
    /// and watches it as run() does. Returns the exit code.
    int enter();

    static constexpr int kGraceSeconds = 5;

private:
    int watchSignals();
    std::string prepareOverlay();
    std::string explainCloneFailure(int err) const;
    int superviseContainer(pid_t pid, int statusFd, int signalFd);
    int fail(const std::string &reason);
    void cleanUp();

    const ContainerPlan &m_plan;
    const StatusReport &m_report;
    MemoryCgroup m_cgroup;
    FuseOverlay m_fuse;
    int m_syncFd = -1; ///< to the init, which may still ask for fuse-overlayfs
    bool m_overlayPrepared = false;
};
