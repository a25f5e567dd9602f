// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayStatus.h"

#include "sessions/SessionManager.h"

TrayStatus::TrayStatus(SessionManager *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{
    for (Session *session : sessions->sessions())
        watch(session);
    connect(sessions, &SessionManager::sessionAdded, this, [this](Session *session) {
        watch(session);
        Q_EMIT changed();
    });
}

void TrayStatus::watch(Session *session)
{
    connect(session, &Session::stateChanged, this, &TrayStatus::changed);
    connect(session, &Session::destroyed, this, &TrayStatus::changed);
    connect(session, &Session::finished, this, [this, session](int code, const QString &reason) {
        m_attention = m_attention || code != 0;
        Q_EMIT notify(tr("%1 exited").arg(session->name()), reason, code != 0);
        Q_EMIT changed();
    });
    connect(session, &Session::failed, this, [this, session](const Error &error) {
        m_attention = true;
        Q_EMIT notify(tr("%1 failed").arg(session->name()), error.message, true);
        Q_EMIT changed();
    });
}

int TrayStatus::runningCount() const
{
    int count = 0;
    for (const Session *session : m_sessions->sessions()) {
        if (session->state() != Session::State::Exited && session->state() != Session::State::Failed)
            ++count;
    }
    return count;
}

QString TrayStatus::toolTip() const
{
    return tr("Scorpiox Desktop: %n session(s) running", nullptr, runningCount());
}

QList<TrayStatus::Entry> TrayStatus::entries() const
{
    QList<Entry> result;
    for (Session *session : m_sessions->sessions()) {
        const QString name = session->id().isEmpty() ? tr("new session") : session->name();
        const QString where = session->backend() == QLatin1String("host") ? tr("on the host") : session->image();
        result.append({session, QStringLiteral("%1 · %2 · %3").arg(name, where, Session::stateName(session->state()))});
    }
    return result;
}

TrayStatus::IconState TrayStatus::iconState() const
{
    if (m_attention)
        return IconState::Attention;
    return runningCount() > 0 ? IconState::Running : IconState::Idle;
}

void TrayStatus::acknowledge()
{
    if (!m_attention)
        return;
    m_attention = false;
    Q_EMIT changed();
}
