// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalRelay.h"

#include "ConsoleStreams.h"
#include "pty/Pty.h"

#include <QSocketNotifier>

#include <cerrno>
#include <termios.h>
#include <unistd.h>

struct TerminalRelay::Console
{
    QSocketNotifier *input = nullptr;
    termios saved {};
    bool raw = false;
};

TerminalRelay::TerminalRelay(Pty *pty, QObject *parent)
    : QObject(parent)
    , m_pty(pty)
    , m_console(std::make_unique<Console>())
{
    if (::tcgetattr(STDIN_FILENO, &m_console->saved) == 0) {
        termios raw = m_console->saved;
        ::cfmakeraw(&raw);
        m_console->raw = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    m_console->input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_console->input, &QSocketNotifier::activated, this, &TerminalRelay::readInput);
    connect(pty, &Pty::dataReceived, this, &TerminalRelay::writeOutput);
}

TerminalRelay::~TerminalRelay()
{
    if (m_console->raw)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &m_console->saved);
}

void TerminalRelay::updateSize()
{
    const auto [rows, columns] = ConsoleStreams::terminalSize();
    m_pty->resize(rows, columns);
}

void TerminalRelay::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n > 0) {
        m_pty->write(QByteArray(buffer, n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        m_console->input->setEnabled(false);
    }
}

void TerminalRelay::writeOutput(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}
