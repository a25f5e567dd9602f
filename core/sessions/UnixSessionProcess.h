// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionProcess.h"

#include <QByteArray>

class QProcess;
class QSocketNotifier;

/// A session's launcher on Linux: started by QProcess (or on a UnixPty) with a close-on-exec
/// status pipe as its fd 3, whose JSON lines (`{"pid":N}`, `{"error":"…"}`) become signals;
/// stopped and killed with Unix signals.
class UnixSessionProcess : public SessionProcess
{
    Q_OBJECT

public:
    explicit UnixSessionProcess(QObject *parent = nullptr);
    ~UnixSessionProcess() override;

    int statusFd() const override { return 3; }
    Result<void> start(const LaunchCommand &command, const StartOptions &options) override;
    qint64 processId() const override;
    bool isRunning() const override;
    Pty *pty() const override { return m_pty; }
    void terminate(int signal) override;
    void kill() override;

private:
    Result<void> startTerminal(const LaunchCommand &command, const StartOptions &options, int statusFd);
    Result<void> startInherited(const LaunchCommand &command, int statusFd);
    void readStatus();
    void onEnded(int exitCode, int signal);
    void closeStatus();

    Pty *m_pty = nullptr;
    QProcess *m_process = nullptr;
    int m_statusRead = -1;
    QSocketNotifier *m_statusNotifier = nullptr;
    QByteArray m_statusBuffer;
};
