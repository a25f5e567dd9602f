// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ProcessUsage.h"
#include "sessions/SessionRecord.h"

#include <QList>

#include <optional>

/// A session another process runs (`--cli run`, a second window), as its record and /proc
/// tell it. Its terminal lives in that process; only its record is shared.
struct ForeignSession
{
    SessionRecord record;
    bool ownerAlive = false;
    bool launcherAlive = false;
    std::optional<ProcessUsage> usage; ///< of the launcher's process tree, when readable

    /// The records under @p cacheDir whose owner is not this process, with liveness and usage.
    /// Blocking (the records directory and /proc): run it on a worker thread.
    static QList<ForeignSession> scan(const QString &cacheDir);
};
