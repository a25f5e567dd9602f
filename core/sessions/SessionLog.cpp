// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionLog.h"

#include <QSaveFile>

SessionLog::SessionLog(QString path, qint64 limit)
    : m_path(std::move(path))
    , m_limit(limit)
    , m_file(m_path)
{
}

Result<void> SessionLog::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::io(QStringLiteral("cannot write session log %1: %2").arg(m_path, m_file.errorString()));
    return {};
}

Result<void> SessionLog::append(const QByteArray &bytes)
{
    if (!m_file.isOpen())
        return Error::io(QStringLiteral("session log %1 is not open").arg(m_path));
    if (m_file.write(bytes) != bytes.size() || !m_file.flush())
        return Error::io(QStringLiteral("cannot write session log %1: %2").arg(m_path, m_file.errorString()));
    if (m_file.size() < 2 * m_limit)
        return {};
    const QByteArray recent = tail(m_path, m_limit);
    m_file.close();
    // Readers in other processes must never see a truncated log, so the shrink is atomic.
    QSaveFile shrunk(m_path);
    if (!shrunk.open(QIODevice::WriteOnly) || shrunk.write(recent) != recent.size() || !shrunk.commit())
        return Error::io(QStringLiteral("cannot rewrite session log %1: %2").arg(m_path, shrunk.errorString()));
    return open();
}

QByteArray SessionLog::tail(const QString &path, qint64 limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > limit)
        file.seek(file.size() - limit);
    return file.read(limit);
}
