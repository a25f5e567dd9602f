// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContainerPlan.h"

#include <string>
#include <sys/types.h>

/// fuse-overlayfs for a container whose kernel refuses overlayfs in a user namespace, set up by the
/// launcher when the container's init asks for it. The daemon is the launcher's child: it joins the
/// container's user and mount namespaces, mounts a FUSE file system on the root target itself, then
/// takes the host's root directory back as its own and runs fuse-overlayfs in the foreground on that
/// FUSE descriptor. So it stays outside the container's PID namespace (nothing inside can see, signal
/// or ptrace the process serving its root file system), the init's pivot_root leaves its view alone,
/// and a parent-death signal ends it with the launcher however the launcher ends; stop() ends it
/// after the container.
class FuseOverlay
{
public:
    FuseOverlay() = default;
    FuseOverlay(const FuseOverlay &) = delete;
    FuseOverlay &operator=(const FuseOverlay &) = delete;
    ~FuseOverlay() { stop(); }

    /// Mounts @p plan's overlay on its root target in the namespaces of container init @p pid and
    /// starts the daemon on it. Returns "" or why not, as a clause to append to the kernel's reason
    /// ("; fuse-overlayfs: ...").
    std::string start(const ContainerPlan &plan, pid_t pid);
    /// Kills and reaps the daemon, if one runs.
    void stop();

private:
    pid_t m_pid = -1;
};
