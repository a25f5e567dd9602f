// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionHistoryLoader.h"

#include "sessions/Session.h"
#include "sessions/SessionLog.h"
#include "sessions/SessionStore.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace {

bool ended(const Session *session)
{
    return session->state() == Session::State::Exited || session->state() == Session::State::Failed;
}

} // namespace

void SessionHistoryLoader::fetch(Session *session, QObject *context, std::function<void(QByteArray)> done)
{
    if (ended(session) || session->id().isEmpty()) {
        done(session->history());
        return;
    }
    const QString path = SessionStore(session->cacheDir()).logPath(session->id());
    const QPointer<Session> target(session);
    auto *watcher = new QFutureWatcher<QByteArray>(context);
    QObject::connect(watcher, &QFutureWatcher<QByteArray>::finished, context, [watcher, target, done = std::move(done)] {
        QByteArray history = watcher->result();
        watcher->deleteLater();
        // A session that ended meanwhile has removed its log and kept the last output itself.
        if (history.isEmpty() && target && ended(target))
            history = target->history();
        done(history);
    });
    watcher->setFuture(QtConcurrent::run([path] { return SessionLog::tail(path); }));
}

QByteArray SessionHistoryLoader::join(const QByteArray &history, const QByteArray &later)
{
    for (qsizetype overlap = std::min(history.size(), later.size()); overlap > 0; --overlap) {
        if (history.endsWith(QByteArrayView(later).first(overlap)))
            return history + later.mid(overlap);
    }
    return history + later;
}
