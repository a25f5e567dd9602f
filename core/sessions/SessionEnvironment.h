// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

/// The environment a session's command gets, built in one place so every backend agrees:
/// the host's, minus what only makes sense on the host, with PATH reset to the image's usual
/// one, then the keychain's secrets, then `-e` values (which win, `-e NAME=` included).
namespace SessionEnvironment {

/// Variables that point at host resources (display, bus, agent sockets) and never pass in.
const QStringList &hostOnlyVariables();
/// The PATH a Linux image expects.
QString containerPath();

/// @p extra are `-e` arguments: `K=V` sets K, a bare `K` copies K from @p host (Docker's rule).
/// Returns `K=V` strings, sorted, or an error naming a malformed `-e`.
Result<QStringList> build(const QProcessEnvironment &host, const QHash<QString, QString> &secrets,
                          const QStringList &extra);

} // namespace SessionEnvironment
