// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Options.h"

#include <string>
#include <sys/types.h>

/// `--enter PID`: the namespaces of a running container, checked and held open, then joined.
/// PID must be the init of a container of the caller: PID 1 of its PID namespace, in a user
/// namespace that is a direct child of the caller's and owned by the caller, with its mount,
/// PID, UTS and IPC (and unless the network is the host's, network) namespaces owned by that
/// user namespace. Anything else is refused, so a wrong or recycled PID never runs a command
/// somewhere unexpected.
class NamespaceEntry
{
public:
    NamespaceEntry() = default;
    NamespaceEntry(const NamespaceEntry &) = delete;
    NamespaceEntry &operator=(const NamespaceEntry &) = delete;
    ~NamespaceEntry();

    /// Checks @p pid and opens its namespaces; returns "" or a one-line reason.
    std::string open(pid_t pid);
    /// Joins them, the user namespace first; afterwards children land in the PID namespace.
    /// Returns "" or a one-line reason.
    std::string join();
    /// The container's network mode, known once joined: the host's network namespace, or a
    /// private one whose loopback is up (isolated) or down (none).
    NetMode netMode() const { return m_net; }

private:
    enum Kind { User, Mount, Pid, Uts, Ipc, Net, KindCount };

    std::string check(pid_t pid) const;

    int m_fds[KindCount] = {-1, -1, -1, -1, -1, -1};
    bool m_hostNet = false;
    NetMode m_net = NetMode::Host;
};
