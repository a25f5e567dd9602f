// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExitCode.h"
#include "MainWindow.h"
#include "Paths.h"
#include "cli/CliApp.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace {

const char kUsage[] =
    "usage: scorpiox-desktop [--version] [--help]\n"
    "       scorpiox-desktop                 open the desktop window\n"
    "       scorpiox-desktop --cli COMMAND   run a command without a window\n\n";

bool hasDisplay()
{
#if defined(Q_OS_LINUX)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

int runCli(int argc, char **argv, const QStringList &commandArgs)
{
    QCoreApplication app(argc, argv);
    CliApp cli;
    return cli.run(commandArgs);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("scorpiox-desktop"));
    QCoreApplication::setOrganizationName(QStringLiteral("scorpiox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCORPIOX_VERSION));

    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    if (args.value(0) == QLatin1String("--version")) {
        std::printf("scorpiox-desktop %s\n", SCORPIOX_VERSION);
        return 0;
    }
    if (args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h")) {
        QTextStream(stdout) << kUsage << CliApp().usage();
        return 0;
    }
    if (args.value(0) == QLatin1String("--cli"))
        return runCli(argc, argv, args.mid(1));
    if (const auto seed = CliApp::fromSeedSpelling(args))
        return runCli(argc, argv, *seed);
    if (!args.isEmpty()) {
        std::fprintf(stderr, "scorpiox-desktop: unknown option '%s'; see scorpiox-desktop --help\n",
                     args.first().toLocal8Bit().constData());
        return ExitCode::RuntimeFailed;
    }
    if (!hasDisplay()) {
        std::fputs("scorpiox-desktop: no display found; running 'scorpiox-desktop --cli doctor' instead\n", stderr);
        return runCli(argc, argv, {QStringLiteral("doctor")});
    }

    QApplication app(argc, argv);
    // One manager and one settings object per process, shared by every face that shows them.
    Settings settings(Paths::scorpioxHome(), QDir::currentPath());
    // Problems in the files are shown by the Settings and System views; valid keys still apply.
    (void)settings.load();
    SessionManager sessions;
    MainWindow window(&sessions, &settings);
    window.show();
    return app.exec();
}
