// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaunchSpec.h"
#include "Result.h"

/// `-v HOST:CONT[:ro|:rw]` as Docker and the seed spell it, for Linux and Windows hosts.
namespace VolumeSpec {

/// Parses from the right, so the colon of a drive letter survives: `C:\src:/workspace:ro`
/// gives host `C:\src`, container `/workspace`, read-only. The container path must be
/// absolute; the host path must be absolute (`/x`, `~/x`, `C:\x` or `C:/x`).
Result<MountSpec> parse(const QString &spec);

/// True for `C:\...`, `C:/...`.
bool isWindowsAbsolute(const QString &path);
/// True for `\\server\share\...` and `//server/share/...`.
bool isUnc(const QString &path);

} // namespace VolumeSpec
