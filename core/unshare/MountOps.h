// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SetupFailure.h"

/// Mount primitives for the container side, after clone: only syscalls, no allocation.
/// Paths inside the new root are always resolved with openat2(RESOLVE_IN_ROOT), so a symlink in
/// a hostile image (`/dev -> /home/me`) resolves inside the image and never reaches the host.
namespace MountOps {

/// openat2 of @p path below @p rootFd, `/` and `..` clamped to the root, no magic links.
int openInRoot(int rootFd, const char *path, int flags);

/// `mkdir -p` of @p path inside the root; returns an O_PATH fd of it or -1 with @p failure set.
int ensureDirInRoot(int rootFd, const char *path, SetupFailure *failure);

/// Creates an empty file at @p path inside the root (parents too) unless something exists there;
/// with @p replaceDangling a symlink whose target does not resolve inside the root is replaced
/// by the file. Returns an O_PATH fd of it or -1 with @p failure set.
int ensureFileInRoot(int rootFd, const char *path, bool replaceDangling, SetupFailure *failure);

/// A new, still detached file system: fsopen, then each `key, value` pair of @p options (a null
/// value sets a flag), then fsmount with @p attrs. Returns the mount fd or -1 with @p failure set
/// (the kernel's own explanation appended when it gave one).
int newFilesystem(const char *type, const char *const *options, unsigned attrs, const char *what,
                  SetupFailure *failure);

/// A detached recursive copy of the host tree at @p source with @p attrs added. With
/// @p exactSource, @p source must be symlink-free (as the plan's realpath() left it) and any
/// symlink found there now is refused: what is mounted is what was checked.
int cloneTree(const char *source, unsigned attrs, const char *what, SetupFailure *failure, bool exactSource = false);

/// Attaches the detached mount @p mountFd on top of @p targetFd (or @p targetName below it).
bool attach(int mountFd, int targetFd, const char *targetName, const char *what, SetupFailure *failure);

} // namespace MountOps
