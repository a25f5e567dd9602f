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

void PtyReader::acknowledge(qint64 bytes)
{
    m_inFlight -= bytes;
    updateNotifier();
}

void PtyReader::drain()
{
    // Bounded so a background process that keeps writing cannot hold the drain forever.
    for (int i = 0; i < 64 && readOnce() == ReadOutcome::Data; ++i) {
    }
    Q_EMIT drained();
}

PtyReader::ReadOutcome PtyReader::readOnce()
{
    if (m_closed)
        return ReadOutcome::Closed;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    ssize_t n;
    do {
        n = ::read(m_fd, buffer.data(), size_t(buffer.size()));
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        buffer.truncate(n);
        m_inFlight += n;
        Q_EMIT dataRead(buffer);
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
    // A few chunks per wake-up keep throughput high without starving acknowledge().
    for (int i = 0; i < 4 && m_inFlight < kMaxInFlight; ++i) {
        if (readOnce() != ReadOutcome::Data)
            break;
    }
    updateNotifier();
}

void PtyReader::updateNotifier()
{
    if (m_notifier)
        m_notifier->setEnabled(!m_closed && m_inFlight < kMaxInFlight);
}
