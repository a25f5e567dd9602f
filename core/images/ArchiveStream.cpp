// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveStream.h"

#include <QMutexLocker>

void ArchiveStream::setFlowControl(qint64 highWater, qint64 lowWater, std::function<void()> onDrained)
{
    QMutexLocker lock(&m_mutex);
    m_highWater = highWater;
    m_lowWater = lowWater;
    m_onDrained = std::move(onDrained);
}

void ArchiveStream::push(QByteArray chunk)
{
    if (chunk.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    if (m_closed || m_aborted || m_finished)
        return;
    m_buffered += chunk.size();
    m_chunks.push_back(std::move(chunk));
    if (m_highWater > 0 && m_buffered > m_highWater)
        m_throttled = true;
    m_ready.wakeOne();
}

void ArchiveStream::finish()
{
    QMutexLocker lock(&m_mutex);
    m_finished = true;
    m_ready.wakeAll();
}

void ArchiveStream::abort()
{
    QMutexLocker lock(&m_mutex);
    m_aborted = true;
    m_chunks.clear();
    m_buffered = 0;
    m_ready.wakeAll();
}

bool ArchiveStream::isFull() const
{
    QMutexLocker lock(&m_mutex);
    return m_throttled;
}

qint64 ArchiveStream::read(const void **data)
{
    std::function<void()> drained;
    qint64 size = 0;
    {
        QMutexLocker lock(&m_mutex);
        while (m_chunks.empty() && !m_finished && !m_aborted)
            m_ready.wait(&m_mutex);
        if (m_aborted)
            return -1;
        if (m_chunks.empty())
            return 0;
        m_current = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_buffered -= m_current.size();
        size = m_current.size();
        *data = m_current.constData();
        if (m_throttled && m_buffered <= m_lowWater) {
            m_throttled = false;
            drained = m_onDrained;
        }
    }
    // Outside the lock: the callback may post to the producer, which may push at once.
    if (drained)
        drained();
    return size;
}

void ArchiveStream::close()
{
    std::function<void()> drained;
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_chunks.clear();
        m_buffered = 0;
        if (m_throttled) {
            m_throttled = false;
            drained = m_onDrained;
        }
    }
    if (drained)
        drained();
}
