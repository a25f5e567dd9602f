// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleControlNotifier.h"

#include "Logging.h"
#include "win/ConsoleControl.h"

#include <QWinEventNotifier>

ConsoleControlNotifier::ConsoleControlNotifier(int closeGraceMs, QObject *parent)
    : QObject(parent)
{
    if (const Win32Failure failed = ConsoleControl::install(DWORD(closeGraceMs))) {
        qCWarning(lcSessions, "%s: Ctrl+C will not stop sessions cleanly", failed.message.c_str());
        return;
    }
    m_notifier = new QWinEventNotifier(ConsoleControl::requestedEvent(), this);
    connect(m_notifier, &QWinEventNotifier::activated, this, [this] {
        if (const int signal = ConsoleControl::takeSignal())
            Q_EMIT received(signal);
    });
}

ConsoleControlNotifier::~ConsoleControlNotifier()
{
    delete m_notifier;
    ConsoleControl::uninstall();
}
