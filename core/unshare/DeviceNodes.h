// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SetupFailure.h"

/// A minimal /dev on a fresh tmpfs: null, zero, full, random, urandom and tty bound from the host
/// (a user namespace cannot mknod), a private devpts instance with /dev/ptmx, a tmpfs /dev/shm
/// and the /dev/fd, stdin, stdout, stderr links. Syscalls only.
namespace DeviceNodes {

bool populate(int rootFd, SetupFailure *failure);

} // namespace DeviceNodes
