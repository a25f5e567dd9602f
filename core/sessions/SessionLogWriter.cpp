// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionLogWriter.h"

#include "SessionLog.h"

#include <QPromise>

SessionLogWriter::SessionLogWriter(const QString &path, QObject *parent)
    : QObject(parent)
    , m_log(std::make_shared<SessionLog>(path))
{
    m_thread.setObjectName(QStringLiteral("session-log"));
    m_worker.moveToThread(&m_thread);
    m_thread.start();
}

SessionLogWriter::~SessionLogWriter()
{
    // Queued behind every append, so nothing queued is lost.
    post([this] { m_thread.quit(); });
    m_thread.wait();
}

Result<void> SessionLogWriter::open()
{
    return m_log->open();
}

void SessionLogWriter::append(const QByteArray &bytes)
{
    post([this, log = m_log, bytes] {
        if (Result<void> written = log->append(bytes); !written)
            Q_EMIT failed(written.error().message);
    });
}

QFuture<QByteArray> SessionLogWriter::tail()
{
    auto promise = std::make_shared<QPromise<QByteArray>>();
    promise->start();
    QFuture<QByteArray> future = promise->future();
    post([log = m_log, promise] {
        promise->addResult(SessionLog::tail(log->path()));
        promise->finish();
    });
    return future;
}

void SessionLogWriter::finish()
{
    post([this, log = m_log] {
        log->close();
        Q_EMIT finished(SessionLog::tail(log->path()));
    });
}

void SessionLogWriter::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(&m_worker, std::move(work), Qt::QueuedConnection);
}
