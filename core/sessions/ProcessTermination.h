// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/// Ends another process known only by its PID (a session's launcher, started by another manager).
/// Unix: SIGTERM, then SIGKILL. Windows has no polite request for a process without a console of
/// ours, so both end it at once (TerminateProcess); its owner then sees the launcher gone and
/// releases the session as after any exit.
namespace ProcessTermination {

/// Asks process @p pid to end (SIGTERM).
void requestEnd(qint64 pid);
/// Ends process @p pid now (SIGKILL).
void force(qint64 pid);

} // namespace ProcessTermination
