// SPDX-License-Identifier: GPL-3.0-or-later
// Built into sanitizer builds only. LeakSanitizer stops the world with ptrace when the process
// exits; once `--enter` has joined a container's user namespace, that check hangs for good. The
// launcher's allocations are checked in the processes that create containers, which never leave
// the host's user namespace.
#include <cstring>
#include <unistd.h>

namespace {

// A plain array, not a std::string: LeakSanitizer asks __lsan_is_turned_off() after static
// destructors have run.
char g_startNamespace[64];

void readUserNamespace(char (&link)[64])
{
    const ssize_t n = readlink("/proc/self/ns/user", link, sizeof link - 1);
    link[n > 0 ? n : 0] = '\0';
}

[[maybe_unused]] const bool g_recorded = (readUserNamespace(g_startNamespace), true);

} // namespace

extern "C" int __lsan_is_turned_off()
{
    char now[64];
    readUserNamespace(now);
    return std::strcmp(now, g_startNamespace) != 0;
}
