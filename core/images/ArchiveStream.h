// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <functional>

/// Bytes of an archive handed from a producer (the downloader, on its thread) to the extractor
/// (on a worker thread), so that download and extraction overlap. Thread-safe.
class ArchiveStream
{
public:
    /// @p onDrained is called on the consumer's thread when the buffered bytes fall to
    /// @p lowWater after having exceeded @p highWater: the producer may read again.
    void setFlowControl(qint64 highWater, qint64 lowWater, std::function<void()> onDrained);

    /// Producer: appends bytes. Ignored once the consumer has stopped reading.
    void push(QByteArray chunk);
    /// Producer: no more bytes will come.
    void finish();
    /// Either side: reading fails from now on.
    void abort();
    /// True when the producer should stop reading until onDrained runs.
    bool isFull() const;

    /// Consumer: blocks until bytes are available; their size, 0 at the end, -1 when aborted.
    /// @p data stays valid until the next call.
    qint64 read(const void **data);
    /// Consumer: stops reading; later pushes are dropped.
    void close();

private:
    mutable QMutex m_mutex;
    QWaitCondition m_ready;
    std::deque<QByteArray> m_chunks;
    QByteArray m_current;
    qint64 m_buffered = 0;
    qint64 m_highWater = 0;
    qint64 m_lowWater = 0;
    bool m_throttled = false;
    std::function<void()> m_onDrained;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_closed = false;
};
