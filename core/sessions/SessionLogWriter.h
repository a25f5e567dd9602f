// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <memory>

class SessionLog;

/// A session's log written on a thread of its own: append() queues and returns at once, so a
/// slow disk never stalls the thread that reads the PTY and paints (every 2 MiB the log rewrites
/// its last MiB and syncs it). Appends are written in order; finish() closes the log after the
/// last of them and hands back its tail.
class SessionLogWriter : public QObject
{
    Q_OBJECT

public:
    explicit SessionLogWriter(const QString &path, QObject *parent = nullptr);
    /// Waits until what was queued is written.
    ~SessionLogWriter() override;

    /// Opens the log here and now, so that a session whose log cannot be written does not start.
    Result<void> open();
    void append(const QByteArray &bytes);
    /// The log's most recent bytes, read on the log's thread after every append made before this
    /// call and before any made after it, so a reader that also follows the live output sees
    /// every byte once. It always gets its result: destroying the writer runs what is queued.
    QFuture<QByteArray> tail();
    /// Closes the log after every queued append, then emits finished() with its tail.
    void finish();

Q_SIGNALS:
    void failed(const QString &message);
    void finished(const QByteArray &history);

private:
    void post(std::function<void()> work);

    std::shared_ptr<SessionLog> m_log; ///< used only on m_thread once open
    QThread m_thread;
    QObject m_worker; ///< lives on m_thread: the context the queued work runs in
};
