// SPDX-License-Identifier: GPL-3.0-or-later
#include "InterruptSource.h"

#include "SignalPipe.h"
#include "pty/Pty.h"

#include <csignal>

InterruptSource::InterruptSource(QObject *parent)
    : QObject(parent)
{
    auto *pipe = new SignalPipe({SIGINT, SIGTERM, SIGHUP, SIGWINCH}, this);
    connect(pipe, &SignalPipe::received, this, [this](int signal) {
        if (signal == SIGWINCH)
            Q_EMIT terminalResized();
        else
            Q_EMIT interrupted(signal);
    });
}

InterruptSource::~InterruptSource() = default;

void InterruptSource::passOn(Pty &pty, int signal)
{
    if (pty.isRunning())
        ::kill(pid_t(pty.processId()), signal);
}
