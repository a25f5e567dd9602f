// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/// Turns Unix signals into a Qt signal through a self-pipe: the handler only write()s the
/// signal number, and the rest happens in the event loop. The previous handlers come back
/// when the object goes away.
class SignalPipe : public QObject
{
    Q_OBJECT

public:
    explicit SignalPipe(const QList<int> &numbers, QObject *parent = nullptr);
    ~SignalPipe() override;

Q_SIGNALS:
    void received(int signal);

private:
    void drain();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};
