// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalRelay.h"

#include "pty/Pty.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

TerminalRelay::TerminalRelay(Pty *pty, QObject *parent)
    : QObject(parent)
    , m_pty(pty)
{
    if (::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
        termios raw = m_saved;
        ::cfmakeraw(&raw);
        m_raw = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &TerminalRelay::readInput);
    connect(pty, &Pty::dataReceived, this, &TerminalRelay::writeOutput);
}

TerminalRelay::~TerminalRelay()
{
    if (m_raw)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
}

std::pair<int, int> TerminalRelay::sizeOf(int fd)
{
    winsize size {};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0)
        return {size.ws_row, size.ws_col};
    return {24, 80};
}

void TerminalRelay::updateSize()
{
    const auto [rows, columns] = sizeOf(STDIN_FILENO);
    m_pty->resize(rows, columns);
}

void TerminalRelay::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n > 0) {
        m_pty->write(QByteArray(buffer, n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        m_input->setEnabled(false);
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
