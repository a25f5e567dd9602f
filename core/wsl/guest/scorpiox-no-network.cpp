// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-no-network CMD [ARG...]: runs CMD under the seccomp filter of `scorpiox-unshare
// --net none` (every socket but AF_UNIX refused with EACCES, io_uring refused, foreign ABIs
// killed). The WSL backend copies it into a distribution and runs `--net none` sessions through
// it, behind `unshare -n`, so they match the Linux backend. Statically linked: it runs in any
// image, glibc, musl or busybox alone. Exit codes as the session's: 125 setup, 126, 127.
#include "NetworkFilter.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: scorpiox-no-network CMD [ARG...]\n");
        return 125;
    }
    std::vector<sock_filter> filter;
    if (const std::string error = NetworkFilter::compile(&filter); !error.empty()) {
        std::fprintf(stderr, "scorpiox: cannot build the --net none filter: %s\n", error.c_str());
        return 125;
    }
    // Without it an unprivileged caller may not install a filter, and a setuid program could shed it.
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
        std::fprintf(stderr, "scorpiox: cannot set no_new_privs: %s\n", std::strerror(errno));
        return 125;
    }
    sock_fprog program {};
    program.len = static_cast<unsigned short>(filter.size());
    program.filter = filter.data();
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) < 0) {
        std::fprintf(stderr, "scorpiox: cannot install the --net none filter (a kernel without CONFIG_SECCOMP_FILTER?): %s\n",
                     std::strerror(errno));
        return 125;
    }
    execvp(argv[1], argv + 1);
    const int error = errno;
    std::fprintf(stderr, "scorpiox: %s: %s\n", argv[1], std::strerror(error));
    return error == ENOENT ? 127 : 126;
}
