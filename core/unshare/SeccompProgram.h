// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/filter.h>
#include <seccomp.h>
#include <string>
#include <vector>

/// Turning a libseccomp filter into the BPF program prctl(PR_SET_SECCOMP) installs, so the child
/// after clone needs no library call. Shared by NetworkFilter and TerminalFilter.
namespace SeccompProgram {

/// Exports @p ctx into @p program; returns "" or what went wrong.
std::string exportTo(scmp_filter_ctx ctx, std::vector<sock_filter> *program);

} // namespace SeccompProgram
