// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionProcess.h"

#include <memory>

class JobProcess;
class QWinEventNotifier;

/// A session's launcher (wsl.exe) on Windows: on a ConPty, or on the manager's standard handles
/// as a JobProcess; either way in a job object that ends it, and all it started, with the manager.
/// Windows passes no status descriptor: WSL sessions report no container PID.
class WinSessionProcess : public SessionProcess
{
    Q_OBJECT

public:
    explicit WinSessionProcess(QObject *parent = nullptr);
    ~WinSessionProcess() override;

    int statusFd() const override { return -1; }
    Result<void> start(const LaunchCommand &command, const StartOptions &options) override;
    qint64 processId() const override;
    bool isRunning() const override;
    Pty *pty() const override { return m_pty; }
    /// On a terminal the console closes (wsl.exe hangs the command up); otherwise Ctrl+Break.
    void terminate(int signal) override;
    void kill() override;

private:
    void onJobProcessExited();

    Pty *m_pty = nullptr;
    std::unique_ptr<JobProcess> m_job;
    QWinEventNotifier *m_exitNotifier = nullptr;
    bool m_running = false;
};
