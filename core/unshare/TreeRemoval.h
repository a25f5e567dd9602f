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

/// `--remove-tree`: removes @p path (absolute), which must be a directory, not a link, owned by
/// the caller; what lies inside may belong to any id of the caller's ranges. Returns "" (also
/// when @p path does not exist) or a one-line reason, e.g. a refusal.
std::string removeCallersTree(const std::string &path, const IdMapping &ids);

/// Without the namespace fallback; returns "" or the first error.
std::string removeAsCaller(const std::string &path);

} // namespace TreeRemoval
