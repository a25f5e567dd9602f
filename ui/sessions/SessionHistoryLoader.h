// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <functional>

class QObject;
class Session;

/// What a session has written so far (Session::history()), delivered in a context's thread
/// without reading its log on the GUI thread.
class SessionHistoryLoader
{
public:
    /// Calls @p done with the history in @p context's thread; never, if @p context dies first.
    /// The history holds every output() the session emitted before this call and none after.
    static void fetch(Session *session, QObject *context, std::function<void(QByteArray)> done);
};
