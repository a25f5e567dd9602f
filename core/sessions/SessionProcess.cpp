// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionProcess.h"

#include "pty/Pty.h"

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

PtyStartOptions SessionProcess::ptyOptions(const LaunchCommand &command, const StartOptions &options)
{
    PtyStartOptions ptyOptions;
    ptyOptions.program = command.program;
    ptyOptions.arguments = command.arguments;
    ptyOptions.environment = processEnvironment(command.environment);
    ptyOptions.workingDirectory = command.workingDirectory;
    ptyOptions.rows = options.rows;
    ptyOptions.columns = options.columns;
    return ptyOptions;
}
