// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <linux/filter.h>
#include <string>
#include <vector>

/// The seccomp program of `--net none`: socket()/socketpair() of any family but AF_UNIX fail
/// with EACCES, io_uring (which can open sockets behind the filter's back) with EPERM, and any
/// syscall of a foreign ABI (i386, x32) kills the process. Compiled with libseccomp before clone;
/// the child only hands the result to prctl().
namespace NetworkFilter {

/// Returns "" or what went wrong.
std::string compile(std::vector<sock_filter> *program);

} // namespace NetworkFilter
