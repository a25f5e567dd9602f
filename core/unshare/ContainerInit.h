// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContainerPlan.h"

/// The container side of a launch, run in the cloned child: PID 1 of the new PID namespace.
/// It waits until the launcher has written its uid/gid maps (@p syncFd), builds the file system,
/// forks the command and then stays as a tiny init: it forwards signals sent to it, reaps
/// orphans, and when the command ends kills what is left and exits with the command's status.
/// Setup and exec failures go to @p statusFd as a SetupFailure record.
///
/// PID 1 is never exec'd, so /proc/1/exe is the launcher binary on the host: it marks itself
/// non-dumpable, which makes /proc/1/{exe,mem,fd,...} unreachable from inside (CVE-2019-5736).
namespace ContainerInit {

[[noreturn]] void run(const ContainerPlan &plan, int syncFd, int statusFd);

/// The signals the launcher and the init forward to the command.
extern const int kForwardedSignals[7];

} // namespace ContainerInit
