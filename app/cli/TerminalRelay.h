// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <termios.h>

class Pty;
class QSocketNotifier;

/// Connects the caller's terminal to a program's terminal (a session's, or an exec'd shell's):
/// raw mode on stdin, keystrokes to the program, its output to stdout, window-size changes passed on. The caller's terminal settings
/// come back when the relay is destroyed, whichever way the command ends.
class TerminalRelay : public QObject
{
    Q_OBJECT

public:
    explicit TerminalRelay(Pty *pty, QObject *parent = nullptr);
    ~TerminalRelay() override;

    /// The size of the terminal on @p fd as {rows, columns}; {24, 80} when it has none.
    static std::pair<int, int> sizeOf(int fd);
    /// Follows a SIGWINCH: reads the new size and passes it on.
    void updateSize();

private:
    void readInput();
    void writeOutput(const QByteArray &bytes);

    Pty *m_pty;
    QSocketNotifier *m_input = nullptr;
    termios m_saved {};
    bool m_raw = false;
};
