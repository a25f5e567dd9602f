// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QFile>

/// A session's output, kept in `sessions/<id>.log` while the session lives so that a terminal
/// attached later (or another process) can show what came before. Bounded: once the file holds
/// twice the limit it is rewritten with the last `limit` bytes, so appends stay cheap.
class SessionLog
{
public:
    static constexpr qint64 kDefaultLimit = 1 << 20;

    explicit SessionLog(QString path, qint64 limit = kDefaultLimit);

    Result<void> open();
    Result<void> append(const QByteArray &bytes);
    void close() { m_file.close(); }
    QString path() const { return m_path; }

    /// The most recent output, at most @p limit bytes, read from @p path (by any process).
    static QByteArray tail(const QString &path, qint64 limit = kDefaultLimit);

private:
    QString m_path;
    qint64 m_limit;
    QFile m_file;
};
