// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IdMapping.h"

#include <string>

/// Removes a container's overlay directory. Files the command gave to other ids of its user
/// namespace (a package manager's chown) belong to subordinate ids on the host, which the user
/// cannot delete; those are removed from inside a fresh user namespace with the same mapping.
namespace TreeRemoval {

/// Returns "" or what could not be removed and why.
std::string removeAll(const std::string &path, const IdMapping &ids);

/// Without the namespace fallback; returns "" or the first error.
std::string removeAsCaller(const std::string &path);

} // namespace TreeRemoval
