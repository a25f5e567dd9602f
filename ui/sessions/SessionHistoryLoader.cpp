// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionHistoryLoader.h"

#include "sessions/Session.h"

#include <QFutureWatcher>

void SessionHistoryLoader::fetch(Session *session, QObject *context, std::function<void(QByteArray)> done)
{
    auto *watcher = new QFutureWatcher<QByteArray>(context);
    QObject::connect(watcher, &QFutureWatcher<QByteArray>::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(session->history());
}
