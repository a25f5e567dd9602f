// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

/// Whether WSL 2 can run sessions on this machine, asked the only locale-proof way: do what every
/// session does first. A one-directory tarball is imported as a WSL 2 distribution (which needs
/// the WSL 2 virtual machine: virtualization on, the kernel installed) and unregistered again.
namespace WslProbe {

/// Imports and unregisters `scorpiox-doctor-<pid>` under @p workDir; an error names wsl.exe's
/// failure and its fix.
Result<void> importWorks(const QString &wslExe, const QString &workDir);

} // namespace WslProbe
