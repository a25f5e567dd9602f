// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pty.h"

#ifdef Q_OS_WIN
#include "ConPty.h"
#else
#include "UnixPty.h"
#endif

Pty *Pty::create(QObject *parent)
{
#ifdef Q_OS_WIN
    return new ConPty(parent);
#else
    return new UnixPty(parent);
#endif
}
