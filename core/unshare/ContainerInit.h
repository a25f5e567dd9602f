// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContainerPlan.h"

/// The container side of a launch, run in the cloned child: PID 1 of the new PID namespace.
/// It waits until the launcher has written its uid/gid maps (@p syncFd), builds the file system
/// (asking the launcher over @p statusFd, and waiting on @p syncFd, for fuse-overlayfs when the
/// kernel refuses overlayfs),
/// forks the command and then stays as a tiny init: it forwards signals sent to it, reaps
/// orphans, and when the command ends kills what is left and exits with the command's status.
/// Setup and exec failures go to @p statusFd as a SetupFailure record.
///
/// PID 1 is never exec'd, so /proc/1/exe is the launcher binary on the host. What keeps
/// /proc/1/{exe,mem,fd,...} out of reach from inside (CVE-2019-5736) is the capability gap: PID 1
/// keeps the full set of the user namespace while every command runs with a smaller one and
/// without CAP_SYS_PTRACE, and the kernel denies any ptrace access to a process whose permitted
/// set is not a subset of the caller's. PID 1 stays dumpable on purpose: a non-dumpable one would
/// shut out its owner on the host too, and `--enter` opens /proc/PID/ns/* from there.
namespace ContainerInit {

[[noreturn]] void run(const ContainerPlan &plan, int syncFd, int statusFd);

/// The child of `--enter`, forked after the launcher joined the container's namespaces: it lands
/// in the PID namespace, enters the working directory and starts the command exactly as run()
/// does, with the same capability set, no_new_privs and seccomp filter.
[[noreturn]] void runEntered(const ContainerPlan &plan, int statusFd);

/// The signals the launcher and the init forward to the command.
extern const int kForwardedSignals[7];

} // namespace ContainerInit
