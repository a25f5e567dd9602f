// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

class Pty;

/// Connects the caller's terminal to a program's terminal (a session's, or an exec'd shell's):
/// raw mode on the caller's input, keystrokes to the program, its output to stdout, window-size
/// changes passed on. The caller's terminal settings come back when the relay is destroyed,
/// whichever way the command ends. UnixTerminalRelay.cpp works on termios and descriptors;
/// WinTerminalRelay.cpp on the console's input records, where a resize arrives as an event.
class TerminalRelay : public QObject
{
    Q_OBJECT

public:
    explicit TerminalRelay(Pty *pty, QObject *parent = nullptr);
    ~TerminalRelay() override;

    /// Reads the caller's terminal size and passes it on (after a SIGWINCH on Unix; on Windows
    /// the relay follows the console's resize events itself).
    void updateSize();

private:
    struct Console; ///< the caller's terminal: saved settings and the input notifier
    void readInput();
    void writeOutput(const QByteArray &bytes);

    Pty *m_pty;
    std::unique_ptr<Console> m_console;
};
