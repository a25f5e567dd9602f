// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

/// Reads a PTY master on its own thread so a flood of output never runs on the GUI thread.
/// Flow control: it stops reading while more than kMaxInFlight bytes are unacknowledged, so a
/// program that writes faster than the terminal consumes blocks in write() as on a real terminal.
class PtyReader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kMaxInFlight = 1024 * 1024;

    explicit PtyReader(int masterFd);

    void startReading();
    /// The consumer finished with @p bytes of earlier output.
    void acknowledge(qint64 bytes);
    /// Reads whatever the terminal still holds, then emits drained().
    void drain();

Q_SIGNALS:
    void dataRead(const QByteArray &bytes);
    void closed();
    void drained();

private:
    enum class ReadOutcome { Data, Empty, Closed };
    ReadOutcome readOnce();
    void onReadable();
    void updateNotifier();

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    qint64 m_inFlight = 0;
    bool m_closed = false;
};
