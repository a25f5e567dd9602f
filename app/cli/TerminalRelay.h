// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <termios.h>

class QSocketNotifier;
class Session;

/// Connects the caller's terminal to a session's terminal: raw mode on stdin, keystrokes to the
/// session, its output to stdout, window-size changes passed on. The caller's terminal settings
/// come back when the relay is destroyed, whichever way the command ends.
class TerminalRelay : public QObject
{
    Q_OBJECT

public:
    explicit TerminalRelay(Session *session, QObject *parent = nullptr);
    ~TerminalRelay() override;

    /// The size of the terminal on @p fd as {rows, columns}; {24, 80} when it has none.
    static std::pair<int, int> sizeOf(int fd);
    /// Follows a SIGWINCH: reads the new size and passes it on.
    void updateSize();

private:
    void readInput();
    void writeOutput(const QByteArray &bytes);

    Session *m_session;
    QSocketNotifier *m_input = nullptr;
    termios m_saved {};
    bool m_raw = false;
};
