// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeccompProgram.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SeccompProgram {

std::string exportTo(scmp_filter_ctx ctx, std::vector<sock_filter> *program)
{
    const int fd = memfd_create("scorpiox-seccomp", MFD_CLOEXEC);
    if (fd < 0)
        return std::string("memfd_create: ") + std::strerror(errno);
    std::string error;
    if (const int rc = seccomp_export_bpf(ctx, fd); rc < 0)
        error = std::string("exporting the filter: ") + std::strerror(-rc);
    if (error.empty()) {
        struct stat st {};
        fstat(fd, &st);
        program->resize(static_cast<size_t>(st.st_size) / sizeof(sock_filter));
        const auto bytes = static_cast<ssize_t>(program->size() * sizeof(sock_filter));
        if (program->empty() || pread(fd, program->data(), static_cast<size_t>(bytes), 0) != bytes)
            error = "reading back the compiled filter failed";
    }
    close(fd);
    return error;
}

} // namespace SeccompProgram
