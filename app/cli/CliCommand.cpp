// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliCommand.h"

#include <QCoreApplication>
#include <QMetaObject>

int CliCommand::runEventLoop(const std::function<void(std::function<void(int)> exit)> &start)
{
    return runCliEventLoop(start);
}

int runCliEventLoop(const std::function<void(std::function<void(int)> exit)> &start)
{
    // Started from the loop itself, so an exit requested before any event is processed still counts.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [start] { start([](int code) { QCoreApplication::exit(code); }); },
        Qt::QueuedConnection);
    return QCoreApplication::exec();
}
