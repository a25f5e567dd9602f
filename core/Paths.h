// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Where Scorpiox keeps and finds things. Pure functions of the environment, no globals.
namespace Paths {

/// `$SCORPIOX_HOME`, or `~/.scorpiox` when unset or empty.
QString scorpioxHome();

/// The global settings file, `<home>/scorpiox-env.txt`.
QString globalEnvFile(const QString &home);

/// The project settings file, `<project>/scorpiox-env.txt`.
QString projectEnvFile(const QString &projectDir);

/// Expands a leading `~` or `~/` to the user's home directory; anything else is returned as is.
QString expandTilde(const QString &path);

/// The `scorpiox-unshare` helper: `$SCORPIOX_UNSHARE` if set, else `../libexec/scorpiox/` beside
/// the running program (the same relative place in the build tree and in an installation).
QString unshareHelper();

/// `scorpiox-no-network`, the static Linux program WSL sessions with `--net none` run under:
/// `$SCORPIOX_WSL_NO_NETWORK` if set, else beside scorpiox-unshare in `../libexec/scorpiox/`.
QString wslNoNetworkHelper();

/// The archive of a built-in image (`default`), `../share/scorpiox/images/<name>.tar.gz` beside
/// the running program (the same relative place in the build tree and in an installation), or
/// `$SCORPIOX_BUILTIN_IMAGES/<name>.tar.gz` if set.
QString builtinImage(const QString &name);

} // namespace Paths
