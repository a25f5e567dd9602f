// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <functional>

class QObject;
class Session;

/// What a session has written so far (Session::history()) without reading its log on the GUI
/// thread: a running session's log is read by a worker; an ended one keeps it in memory.
class SessionHistoryLoader
{
public:
    /// Calls @p done with the history in @p context's thread; never, if @p context dies first.
    static void fetch(Session *session, QObject *context, std::function<void(QByteArray)> done);
    /// @p history read from the log while @p later arrived from the terminal: the log may already
    /// hold the start of @p later, which must not show twice.
    static QByteArray join(const QByteArray &history, const QByteArray &later);
};
