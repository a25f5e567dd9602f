// SPDX-License-Identifier: GPL-3.0-or-later
#include "InterruptSource.h"

#include "pty/Pty.h"
#include "sessions/ConsoleControlNotifier.h"

InterruptSource::InterruptSource(QObject *parent)
    : QObject(parent)
{
    auto *notifier = new ConsoleControlNotifier(4500, this);
    connect(notifier, &ConsoleControlNotifier::received, this, &InterruptSource::interrupted);
}

InterruptSource::~InterruptSource() = default;

void InterruptSource::passOn(Pty &pty, int signal)
{
    constexpr int hangUp = 1;
    if (signal == hangUp)
        pty.hangUp();
    else
        pty.kill();
}
