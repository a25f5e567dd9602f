// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/filter.h>
#include <string>
#include <vector>

/// The seccomp program every container runs under: ioctl(TIOCSTI) and ioctl(TIOCLINUX) fail with
/// EPERM on every ABI. The command shares the caller's terminal session, and the kernel lets a
/// process push input into its controlling terminal, so without this a container could type
/// commands into the shell it was started from (bubblewrap filters the same two).
namespace TerminalFilter {

/// Returns "" or what went wrong.
std::string compile(std::vector<sock_filter> *program);

} // namespace TerminalFilter
