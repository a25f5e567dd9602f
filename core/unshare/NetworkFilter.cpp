// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetworkFilter.h"

#include "SeccompProgram.h"

#include <cerrno>
#include <initializer_list>
#include <cstring>
#include <seccomp.h>
#include <sys/socket.h>

namespace NetworkFilter {

namespace {

std::string failed(const char *what, int rc)
{
    return std::string(what) + ": " + std::strerror(-rc);
}

} // namespace

std::string compile(std::vector<sock_filter> *program)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx)
        return "seccomp_init failed (is libseccomp usable on this machine?)";
    std::string error;
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (rc < 0)
        error = failed("refusing foreign ABIs", rc);
    // no_new_privs is set by the launcher itself, before capabilities are dropped.
    if (error.empty() && (rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0)) < 0)
        error = failed("seccomp no_new_privs attribute", rc);
    // Spelled out rather than SCMP_A0(), whose C99 compound literal is not C++.
    const scmp_arg_cmp notUnix {0, SCMP_CMP_NE, static_cast<scmp_datum_t>(AF_UNIX), 0};
    for (int syscallNr : {SCMP_SYS(socket), SCMP_SYS(socketpair)}) {
        if (error.empty() && (rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(EACCES), syscallNr, 1, &notUnix)) < 0)
            error = failed("socket rule", rc);
    }
    for (int syscallNr : {SCMP_SYS(io_uring_setup), SCMP_SYS(io_uring_enter), SCMP_SYS(io_uring_register)}) {
        if (error.empty() && (rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), syscallNr, 0)) < 0)
            error = failed("io_uring rule", rc);
    }
    if (error.empty())
        error = SeccompProgram::exportTo(ctx, program);
    seccomp_release(ctx);
    return error;
}

} // namespace NetworkFilter
