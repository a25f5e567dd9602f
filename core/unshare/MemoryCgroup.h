// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <sys/types.h>

/// `--memory-mb`: a child cgroup (v2) of the launcher's own with `memory.max`, when that cgroup
/// is delegated to the user with the memory controller enabled for its children (as systemd
/// does with Delegate=yes). Otherwise the limit is skipped with one warning.
class MemoryCgroup
{
public:
    /// Returns "" when the cgroup is ready, else the warning to print.
    std::string prepare(long megabytes);
    /// Moves @p pid into the cgroup; returns "" or the warning.
    std::string attach(pid_t pid) const;
    /// Removes the cgroup (it must be empty by then).
    void remove();

private:
    std::string m_path;
};
