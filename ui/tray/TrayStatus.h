// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class Session;
class SessionManager;

/// What the tray shows, decided away from any widget so it can be tested on its own: how many
/// sessions run, the tooltip, the menu's session entries, the icon's state, and a notification
/// when a session exits or fails.
class TrayStatus : public QObject
{
    Q_OBJECT

public:
    enum class IconState { Idle, Running, Attention };
    Q_ENUM(IconState)

    struct Entry
    {
        QPointer<Session> session;
        QString text; ///< "scorpiox-a1b2c3 · default · running"
    };

    explicit TrayStatus(SessionManager *sessions, QObject *parent = nullptr);

    int runningCount() const;
    QString toolTip() const;
    QList<Entry> entries() const;
    IconState iconState() const;
    /// Clears Attention once the person has looked (opened the menu or the window).
    void acknowledge();

Q_SIGNALS:
    void changed();
    void notify(const QString &title, const QString &message, bool failure);

private:
    void watch(Session *session);

    SessionManager *m_sessions;
    bool m_attention = false;
};
