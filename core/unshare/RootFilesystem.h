// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContainerPlan.h"
#include "SetupFailure.h"

/// Builds the container's file system tree in the private mount namespace and pivots into it:
/// root (overlay, fuse-overlayfs fallback, or read-only bind), /proc, /dev, /tmp, the host's
/// resolv.conf and hosts (`--net host`), the --bind mounts, then pivot_root with the old root
/// detached. Runs after clone: syscalls only, everything else comes from the plan.
namespace RootFilesystem {

/// The init's pipes to its launcher: SetupFailure records go out on statusFd, the answer to a
/// FuseWanted record comes back on syncFd.
struct LauncherLink
{
    int statusFd = -1;
    int syncFd = -1;
};

bool build(const ContainerPlan &plan, const LauncherLink &launcher, SetupFailure *failure);

} // namespace RootFilesystem
