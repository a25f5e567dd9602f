// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "launch/LaunchSpec.h"

#include <QObject>

class Pty;
struct PtyStartOptions;

/// The launcher's process of a running session on this platform: started on a terminal of its
/// own or on the manager's standard streams, asked to stop, killed, and watched until it ends.
/// Session keeps the state machine; descriptors, signals, job objects and consoles live here.
class SessionProcess : public QObject
{
    Q_OBJECT

public:
    struct StartOptions
    {
        bool terminal = false; ///< a pseudo terminal of its own, else the manager's stdin/stdout/stderr
        int rows = 24;
        int columns = 80;
    };

    using QObject::QObject;

    /// This platform's kind: a UnixSessionProcess, or a WinSessionProcess on Windows.
    static SessionProcess *create(QObject *parent = nullptr);

    /// The descriptor number the launcher writes its status lines to (LaunchSpec::statusFd), -1
    /// where no descriptor can be passed; known before start() so the command can name it.
    virtual int statusFd() const = 0;
    virtual Result<void> start(const LaunchCommand &command, const StartOptions &options) = 0;
    virtual qint64 processId() const = 0;
    virtual bool isRunning() const = 0;
    /// The terminal once started with one; nullptr otherwise.
    virtual Pty *pty() const = 0;
    /// Asks the process to end as @p signal (a Unix number: SIGTERM, SIGINT, SIGHUP) would.
    virtual void terminate(int signal) = 0;
    /// Ends the process and everything it started, now.
    virtual void kill() = 0;

protected:
    /// What a start on a terminal gives the Pty: the command, its environment, the size.
    static PtyStartOptions ptyOptions(const LaunchCommand &command, const StartOptions &options);

Q_SIGNALS:
    /// Terminal output (none without a terminal: the output goes to the manager's own).
    void output(const QByteArray &bytes);
    /// The launcher reported the host PID of the container's first process.
    void containerStarted(qint64 pid);
    /// The launcher reported why it could not set up the container.
    void runtimeError(const QString &message);
    /// Every status line and output byte has been delivered before this.
    void finished(int exitCode, int signal);
};
