// SPDX-License-Identifier: GPL-3.0-or-later
// Built into sanitizer builds only. LeakSanitizer stops the world with ptrace when the process
// exits; once `--enter` has joined a container's user namespace, that check hangs for good. The
// launcher's allocations are checked in the processes that create containers, which never leave
// the host's user namespace.
#include <string>
#include <unistd.h>

namespace {

std::string userNamespace()
{
    char link[64] = {};
    const ssize_t n = readlink("/proc/self/ns/user", link, sizeof link - 1);
    return n > 0 ? std::string(link, size_t(n)) : std::string();
}

const std::string g_startNamespace = userNamespace();

} // namespace

extern "C" int __lsan_is_turned_off()
{
    return userNamespace() != g_startNamespace;
}
