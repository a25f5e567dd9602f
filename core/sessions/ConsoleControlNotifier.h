// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWinEventNotifier;

/// Windows' counterpart of a SIGINT/SIGTERM/SIGHUP handler: console control events (Ctrl+C,
/// Ctrl+Break, closing the console, logoff, shutdown) arrive as received(signal) in the event
/// loop, so the caller stops its sessions as on Linux. When the console is closing, Windows ends
/// the process once this object is destroyed or the grace period is over, whichever comes first:
/// destroy it after the sessions have released their distributions.
class ConsoleControlNotifier : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleControlNotifier(int closeGraceMs = 4500, QObject *parent = nullptr);
    ~ConsoleControlNotifier() override;

Q_SIGNALS:
    void received(int signal);

private:
    QWinEventNotifier *m_notifier = nullptr;
};
