// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SetupFailure.h"

/// The command runs as uid 0 of its user namespace but without CAP_SYS_ADMIN and friends, so it
/// can neither remount a read-only bind writable nor unmount one to see what lies beneath.
namespace Capabilities {

/// /proc/sys/kernel/cap_last_cap (read before clone).
int lastCapability();

/// Docker's default set: chown, dac_override, fowner, fsetid, kill, setgid, setuid, setpcap,
/// net_bind_service, net_raw, sys_chroot, mknod, audit_write, setfcap.
unsigned long long containerDefault();

/// Drops every capability outside @p keep from the bounding, ambient, inheritable, permitted and
/// effective sets. Syscalls only.
bool restrictTo(unsigned long long keep, int last, SetupFailure *failure);

} // namespace Capabilities
