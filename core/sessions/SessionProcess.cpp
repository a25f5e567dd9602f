// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionProcess.h"

#ifdef Q_OS_WIN
#include "WinSessionProcess.h"
#else
#include "UnixSessionProcess.h"
#endif

SessionProcess *SessionProcess::create(QObject *parent)
{
#ifdef Q_OS_WIN
    return new WinSessionProcess(parent);
#else
    return new UnixSessionProcess(parent);
#endif
}
