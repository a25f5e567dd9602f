// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QObject;

class Settings;

/// One finding of `doctor`: what was checked, what was found and, when it is a problem, the fix.
struct HostCheck
{
    enum class Status { Ok, Warning, Failed };

    Status status = Status::Ok;
    QString subject; ///< "user namespaces"
    QString detail;  ///< "enabled (max 96365)"
    QString fix;     ///< empty when nothing needs doing

    /// Checks this machine and @p settings for what sessions need. Blocks for a moment (it
    /// tries an overlay mount in a user namespace, or a WSL import): call it from a worker
    /// thread in a GUI.
    static QList<HostCheck> runAll(const Settings &settings);
    /// The checks of this platform's backend, first in runAll(): namespaces, the launcher and
    /// the kernel features it needs on Linux (UnixHostCheck.cpp); WSL 2 and the program it copies
    /// into a distribution on Windows (WinHostCheck.cpp).
    static QList<HostCheck> backendChecks(const Settings &settings);
    /// wsl.exe found (on PATH or at `SCORPIOX_WSL_EXE`) and able to import a WSL 2 distribution.
    static HostCheck checkWsl(const Settings &settings);
    /// Asks the registry (`IMAGE_BASE_URL`) for its image list, giving up after `IMAGE_TIMEOUT`
    /// seconds of silence; @p done runs in @p context's thread.
    static void checkRegistry(const Settings &settings, QObject *context, std::function<void(HostCheck)> done);
};
