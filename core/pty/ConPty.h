// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Pty.h"

#include <memory>

class PseudoConsoleProcess;
class QThread;
class QWinEventNotifier;

/// A program on a Windows pseudo console: adapts PseudoConsoleProcess (plain Win32) to Pty.
/// ReadFile on the console blocks, so a reader thread owned here does only that.
class ConPty : public Pty
{
    Q_OBJECT

public:
    explicit ConPty(QObject *parent = nullptr);
    ~ConPty() override;

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

    void onProcessExited();

    std::unique_ptr<PseudoConsoleProcess> m_process;
    std::unique_ptr<QThread, ThreadStopper> m_reader;
    QWinEventNotifier *m_exitNotifier = nullptr;
    bool m_running = false;
    int m_exitCode = 0;
};
