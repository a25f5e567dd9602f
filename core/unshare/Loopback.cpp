// SPDX-License-Identifier: GPL-3.0-or-later
#include "Loopback.h"

#include <cerrno>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Loopback {

bool bringUp(SetupFailure *failure)
{
    const int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot bring up loopback: no socket");
        return false;
    }
    ifreq ifr {};
    ifr.ifr_name[0] = 'l';
    ifr.ifr_name[1] = 'o';
    bool ok = ioctl(sock, SIOCGIFFLAGS, &ifr) == 0;
    if (ok) {
        ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP | IFF_RUNNING);
        ok = ioctl(sock, SIOCSIFFLAGS, &ifr) == 0;
    }
    if (!ok)
        failure->set(SetupFailure::Setup, errno, "cannot bring up the loopback interface");
    close(sock);
    return ok;
}

} // namespace Loopback
