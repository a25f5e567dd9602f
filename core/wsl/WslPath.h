// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

/// Windows paths as a WSL distribution sees them.
namespace WslPath {

/// `C:\Users\dev\my project` → `/mnt/c/Users/dev/my project`; `C:/x` works too. UNC paths
/// (`\\server\share`) are refused: drvfs cannot mount them reliably, so they are not offered.
Result<QString> toLinux(const QString &windowsPath);

} // namespace WslPath
