// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalFilter.h"

#include "SeccompProgram.h"

#include <cerrno>
#include <cstring>
#include <seccomp.h>
#include <sys/ioctl.h>

namespace TerminalFilter {

std::string compile(std::vector<sock_filter> *program)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx)
        return "seccomp_init failed (is libseccomp usable on this machine?)";
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
    // The 32-bit ABIs reach the same ioctl; seccomp_arch_add fails harmlessly where one does not exist.
    if (seccomp_arch_native() == SCMP_ARCH_X86_64) {
        seccomp_arch_add(ctx, SCMP_ARCH_X86);
        seccomp_arch_add(ctx, SCMP_ARCH_X32);
    } else if (seccomp_arch_native() == SCMP_ARCH_AARCH64) {
        seccomp_arch_add(ctx, SCMP_ARCH_ARM);
    }
    // The kernel reads the request as 32 bits: compare only those, or high bits would slip past.
    // Spelled out rather than SCMP_A1(), whose C99 compound literal is not C++.
    for (unsigned long request : {TIOCSTI, TIOCLINUX}) {
        const scmp_arg_cmp isRequest {1, SCMP_CMP_MASKED_EQ, 0xFFFFFFFFu, static_cast<scmp_datum_t>(request)};
        if (rc == 0)
            rc = seccomp_rule_add_array(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1, &isRequest);
    }
    std::string error = rc < 0 ? std::string("terminal ioctl rule: ") + std::strerror(-rc) : std::string();
    if (error.empty())
        error = SeccompProgram::exportTo(ctx, program);
    seccomp_release(ctx);
    return error;
}

} // namespace TerminalFilter
