// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "launch/LaunchSpec.h"

#include <QProcessEnvironment>

/// The shell scripts the WSL backend runs inside a distribution, each as the words after
/// `wsl -d NAME -u root --exec`. Plain POSIX sh, so busybox, dash and bash images all work.
/// The agent's command is passed as positional parameters, never re-parsed by a shell, and the
/// environment travels in the process environment named by WSLENV, never on a command line.
namespace WslSessionScript {

/// The directory inside the distribution where a session's tmpfs, overlay and pid file live.
inline constexpr char kRunDir[] = "/run/scorpiox";

/// Where the distribution keeps scorpiox-no-network, outside the session's view of /run.
inline constexpr char kNoNetworkHelper[] = "/usr/local/lib/scorpiox/scorpiox-no-network";

/// First boot: writes /etc/wsl.conf (no drive automount, no Windows interop or PATH, the session's
/// hostname, no systemd), with @p noNetworkFromStdin copies standard input to kNoNetworkHelper,
/// and installs @p packages with the image's package manager.
QStringList configure(const QString &hostname, const QStringList &packages, bool noNetworkFromStdin = false);

/// The session: a tmpfs upper layer and an overlay over the distribution's root, every mount
/// (drvfs, or a bind when it lies inside an earlier mount), the network mode, the environment,
/// then the command in the working directory. Errors name the mount or field at fault. `none`
/// runs the command under `unshare -n` and kNoNetworkHelper, as Linux runs it under a network
/// namespace without loopback and a seccomp filter refusing every socket but AF_UNIX.
Result<QStringList> session(const LaunchSpec &spec);

/// A command (or a login shell) inside a running session's root and network namespace.
QStringList enter(NetworkMode network, const QStringList &command);

/// What wsl.exe's environment must add so the distribution receives @p environment (`K=V`
/// each): every value under a prefixed name listed in WSLENV. Names a shell cannot export
/// (Windows has `ProgramFiles(x86)`) are left out.
QProcessEnvironment environment(const QStringList &environment);

/// `'text'` for sh, with embedded quotes escaped.
QString quote(const QString &text);

} // namespace WslSessionScript
