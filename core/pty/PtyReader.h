// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QObject>

class QSocketNotifier;

/// Reads a PTY master on its own thread into a buffer the owner takes from, so a flood of
/// output never runs on the GUI thread and never queues more than one notification there.
/// Flow control: reading pauses while kMaxBuffered bytes wait, so a program that writes faster
/// than the terminal consumes blocks in write() as on a real terminal.
class PtyReader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kMaxBuffered = 1024 * 1024;

    explicit PtyReader(int masterFd);

    void startReading();
    /// Reads whatever the terminal still holds, then emits drained().
    void drain();
    /// Thread-safe: removes and returns up to @p maxBytes of buffered output.
    QByteArray take(qint64 maxBytes);
    /// Thread-safe: whether output is waiting.
    bool hasBuffered() const;

Q_SIGNALS:
    /// Output arrived while the buffer was empty; take() until it is empty again.
    void readyRead();
    void closed();
    void drained();

private:
    enum class ReadOutcome { Data, Empty, Closed };
    ReadOutcome readOnce();
    void onReadable();
    void resume();
    void updateNotifier();

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    bool m_closed = false;
    mutable QMutex m_mutex;
    QByteArray m_buffer;
    bool m_paused = false;
};
