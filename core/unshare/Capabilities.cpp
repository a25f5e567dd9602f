// SPDX-License-Identifier: GPL-3.0-or-later
#include "Capabilities.h"

#include <cerrno>
#include <initializer_list>
#include <cstdio>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Capabilities {

int lastCapability()
{
    int last = CAP_LAST_CAP;
    if (FILE *f = std::fopen("/proc/sys/kernel/cap_last_cap", "re")) {
        if (std::fscanf(f, "%d", &last) != 1)
            last = CAP_LAST_CAP;
        std::fclose(f);
    }
    return last;
}

unsigned long long containerDefault()
{
    unsigned long long mask = 0;
    for (int cap : {CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FOWNER, CAP_FSETID, CAP_KILL, CAP_SETGID, CAP_SETUID,
                    CAP_SETPCAP, CAP_NET_BIND_SERVICE, CAP_NET_RAW, CAP_SYS_CHROOT, CAP_MKNOD, CAP_AUDIT_WRITE,
                    CAP_SETFCAP})
        mask |= 1ULL << cap;
    return mask;
}

bool restrictTo(unsigned long long keep, int last, SetupFailure *failure)
{
    for (int cap = 0; cap <= last && cap < 64; ++cap) {
        if ((keep >> cap) & 1ULL)
            continue;
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) {
            failure->set(SetupFailure::Setup, errno, "cannot drop capabilities from the bounding set");
            return false;
        }
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL) {
        failure->set(SetupFailure::Setup, errno, "cannot clear the ambient capabilities");
        return false;
    }
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] {};
    for (int i = 0; i < 2; ++i) {
        const auto word = static_cast<unsigned>(keep >> (32 * i));
        data[i].effective = word;
        data[i].permitted = word;
        data[i].inheritable = 0;
    }
    if (syscall(SYS_capset, &header, data) < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot set the command's capabilities");
        return false;
    }
    return true;
}

} // namespace Capabilities
