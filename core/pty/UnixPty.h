// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Pty.h"

#include <QProcess>

#include <memory>

class PtyReader;
class QSocketNotifier;
class QThread;
class QTimer;

/// A program on a Unix pseudo terminal. The program is started by QProcess; its child-process
/// modifier only makes the terminal the controlling terminal of a new session and its stdio.
/// Output is read by a PtyReader on an owned thread.
class UnixPty : public Pty
{
    Q_OBJECT

public:
    explicit UnixPty(QObject *parent = nullptr);
    ~UnixPty() override;

    Result<void> start(const PtyStartOptions &options) override;
    void write(const QByteArray &bytes) override;
    void resize(int rows, int columns) override;
    void hangUp() override;
    void kill() override;
    qint64 processId() const override;
    bool isRunning() const override;

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    /// Hands buffered output on in slices, yielding to the event loop between them, so timers,
    /// input and painting keep running during a flood.
    void deliverOutput();
    void finishWhenDelivered();
    void flushPendingWrites();

    QProcess *m_process = nullptr;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    PtyReader *m_reader = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_deliveryTimer = nullptr;
    bool m_drained = false;
    QByteArray m_pendingWrites;
    int m_master = -1;
    bool m_running = false;
    bool m_finishedEmitted = false;
    int m_exitCode = 0;
    int m_exitSignal = 0;
};
