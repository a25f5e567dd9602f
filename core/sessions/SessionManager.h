// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include <QObject>

/// Owns this process's sessions and picks the backend each one runs on.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Creates a session and starts it from the event loop; its progress and end arrive as the
    /// Session's signals.
    /// Fails at once (nothing created) when the backend cannot be used.
    Result<Session *> start(const SessionRequest &request, const SessionConfig &config);
    QList<Session *> sessions() const { return m_sessions; }
    Session *find(const QString &id) const;
    /// Drops an ended session from the list and deletes it later.
    void forget(Session *session);

    /// `auto` becomes `host` with container_enabled=false, `wsl` on Windows, `namespace` elsewhere.
    static Result<QString> resolveBackend(const QString &requested, const SessionConfig &config);
    static Result<std::unique_ptr<Launcher>> makeLauncher(const QString &backend, const SessionConfig &config);

Q_SIGNALS:
    void sessionAdded(Session *session);
    /// The session reached Exited or Failed; it stays listed until removed with forget().
    void sessionEnded(Session *session);

private:
    QList<Session *> m_sessions;
};
