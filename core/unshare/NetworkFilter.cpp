// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetworkFilter.h"

#include <cerrno>
#include <initializer_list>
#include <cstring>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

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
    int fd = -1;
    if (error.empty()) {
        fd = memfd_create("scorpiox-seccomp", MFD_CLOEXEC);
        if (fd < 0)
            error = std::string("memfd_create: ") + std::strerror(errno);
    }
    if (error.empty() && (rc = seccomp_export_bpf(ctx, fd)) < 0)
        error = failed("exporting the filter", rc);
    seccomp_release(ctx);
    if (error.empty()) {
        struct stat st {};
        fstat(fd, &st);
        program->resize(static_cast<size_t>(st.st_size) / sizeof(sock_filter));
        const auto bytes = static_cast<ssize_t>(program->size() * sizeof(sock_filter));
        if (program->empty() || pread(fd, program->data(), static_cast<size_t>(bytes), 0) != bytes)
            error = "reading back the compiled filter failed";
    }
    if (fd >= 0)
        close(fd);
    return error;
}

} // namespace NetworkFilter
