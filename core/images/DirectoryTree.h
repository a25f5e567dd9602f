// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

/// Whole-tree operations on extracted images that never follow a symlink out of the tree.
namespace DirectoryTree {

/// Deletes @p path and everything below it, making read-only directories writable on the way
/// (a container's root may leave `0555` directories behind). A missing path is not an error.
Result<void> remove(const QString &path);

/// Bytes of the regular files below @p path, each hard-linked file counted once.
qint64 diskUsage(const QString &path);

} // namespace DirectoryTree
