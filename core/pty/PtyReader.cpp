// SPDX-License-Identifier: GPL-3.0-or-later
#include "PtyReader.h"

#include "Logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <unistd.h>

PtyReader::PtyReader(int masterFd) : m_fd(masterFd)
{
}

void PtyReader::startReading()
{
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PtyReader::onReadable);
}

void PtyReader::drain()
{
    // Bounded so a background process that keeps writing cannot hold the drain forever.
    for (int i = 0; i < 64 && readOnce() == ReadOutcome::Data; ++i) {
    }
    Q_EMIT drained();
}

QByteArray PtyReader::take(qint64 maxBytes)
{
    const QMutexLocker lock(&m_mutex);
    QByteArray slice;
    if (m_buffer.size() <= maxBytes) {
        slice.swap(m_buffer);
    } else {
        slice = m_buffer.left(maxBytes);
        m_buffer.remove(0, maxBytes);
    }
    if (m_paused && m_buffer.size() < kMaxBuffered / 2) {
        m_paused = false;
        QMetaObject::invokeMethod(this, &PtyReader::resume, Qt::QueuedConnection);
    }
    return slice;
}

bool PtyReader::hasBuffered() const
{
    const QMutexLocker lock(&m_mutex);
    return !m_buffer.isEmpty();
}

PtyReader::ReadOutcome PtyReader::readOnce()
{
    if (m_closed)
        return ReadOutcome::Closed;
    char chunk[kChunk];
    ssize_t n;
    do {
        n = ::read(m_fd, chunk, sizeof chunk);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        bool wasEmpty;
        {
            const QMutexLocker lock(&m_mutex);
            wasEmpty = m_buffer.isEmpty();
            m_buffer.append(chunk, n);
            m_paused = m_buffer.size() >= kMaxBuffered;
        }
        if (wasEmpty)
            Q_EMIT readyRead();
        return ReadOutcome::Data;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return ReadOutcome::Empty;
    // Linux reports EIO on the master once every slave descriptor is closed: that is EOF.
    if (n < 0 && errno != EIO)
        qCWarning(lcPty, "reading the terminal failed: %s", std::strerror(errno));
    m_closed = true;
    updateNotifier();
    Q_EMIT closed();
    return ReadOutcome::Closed;
}

void PtyReader::onReadable()
{
    if (readOnce() == ReadOutcome::Data)
        updateNotifier();
}

void PtyReader::resume()
{
    updateNotifier();
}

void PtyReader::updateNotifier()
{
    if (!m_notifier)
        return;
    bool paused;
    {
        const QMutexLocker lock(&m_mutex);
        paused = m_paused;
    }
    m_notifier->setEnabled(!m_closed && !paused);
}
