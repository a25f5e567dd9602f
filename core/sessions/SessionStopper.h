// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionRecord.h"

/// Stops a session from any process, knowing only its record: SIGTERM to its launcher, SIGKILL
/// after Session::kStopGraceMs (ProcessTermination: on Windows, TerminateProcess), then waits for the owner to remove the record — or, when the
/// owner is gone, removes what the session left itself. What `--cli stop` and the Sessions view
/// do for a session another process runs.
class SessionStopper
{
public:
    explicit SessionStopper(QString cacheDir);

    /// Blocks up to about 20 s: run it off the GUI thread. Returns the record of the stopped session.
    Result<SessionRecord> stop(const QString &id) const;

private:
    QString m_cacheDir;
};
