// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for the desktop process in fault tests: its SessionManager starts one session running
// the command after `--` in the current directory (SCORPIOX_HOME from the environment), and it
// exits with the session's code. Killing it is killing the GUI process mid-session.
#include "Paths.h"
#include "config/Settings.h"
#include "sessions/Session.h"
#include "sessions/SessionManager.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Settings settings(Paths::scorpioxHome(), QDir::currentPath());
    (void)settings.load();
    SessionRequest request;
    request.projectDir = QDir::currentPath();
    request.command = QCoreApplication::arguments().mid(QCoreApplication::arguments().indexOf(QStringLiteral("--")) + 1);
    SessionManager manager;
    const Result<Session *> started = manager.start(request, SessionConfig::fromSettings(settings));
    if (!started) {
        std::fprintf(stderr, "session-owner: %s\n", qPrintable(started.error().message));
        return 125;
    }
    QObject::connect(*started, &Session::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    return QCoreApplication::exec();
}
