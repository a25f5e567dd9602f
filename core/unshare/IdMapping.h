// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <sys/types.h>

/// How the caller's ids map into a new user namespace: the caller becomes 0 inside; with a
/// subordinate range from /etc/subuid and /etc/subgid and the setuid newuidmap/newgidmap,
/// ids 1..count map onto that range so package managers can chown.
struct IdMapping
{
    uid_t uid = 0;
    gid_t gid = 0;
    bool fullRange = false;
    unsigned long subuidStart = 0, subuidCount = 0;
    unsigned long subgidStart = 0, subgidCount = 0;
    std::string newuidmap, newgidmap;

    /// Reads the caller's ranges. @p allowHelpers false forces the single mapping.
    static IdMapping forCaller(bool allowHelpers);

    /// Writes the maps of the user namespace of @p pid (which must wait meanwhile).
    /// Returns an empty string or a one-line error.
    std::string apply(pid_t pid) const;
};
