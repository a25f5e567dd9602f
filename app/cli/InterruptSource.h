// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class Pty;

/// Requests from outside to end what a command runs, and size changes of the caller's terminal.
/// Unix (UnixInterruptSource.cpp): SIGINT, SIGTERM, SIGHUP and SIGWINCH through a SignalPipe.
/// Windows (WinInterruptSource.cpp): console control events through ConsoleControlNotifier, with
/// the same numbers (Ctrl+C 2, Ctrl+Break 15, console closed, logoff or shutdown 1). When the
/// console is closing, Windows ends the process soon after this object is gone: destroy it only
/// after the sessions have released what they hold. Windows has no SIGWINCH; its TerminalRelay
/// follows the console's resize events itself.
class InterruptSource : public QObject
{
    Q_OBJECT

public:
    explicit InterruptSource(QObject *parent = nullptr);
    ~InterruptSource() override;

    /// Passes @p signal on to the program on @p pty: the same signal on Unix; on Windows a
    /// hang-up (the console closing) as such, anything else by ending the program's job.
    static void passOn(Pty &pty, int signal);

Q_SIGNALS:
    /// A request to stop, as a Unix signal number.
    void interrupted(int signal);
    void terminalResized();
};
