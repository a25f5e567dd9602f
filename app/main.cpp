// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExitCode.h"
#include "Desktop.h"
#include "Translations.h"
#include "Paths.h"
#include "cli/CliApp.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"
#ifdef Q_OS_WIN
#include "sessions/ManagerJob.h"
#endif

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace {

const char kUsage[] =
    "usage: scorpiox-desktop [--version] [--help]\n"
    "       scorpiox-desktop [--tray] [--lang LANG]   open the desktop window (--tray: only the tray icon)\n"
    "       scorpiox-desktop --cli COMMAND            run a command without a window\n\n";

struct GuiOptions
{
    bool tray = false;
    QString language; ///< empty: the system's
};

/// The window's own options; nullopt (after a message) for anything else.
std::optional<GuiOptions> parseGuiOptions(const QStringList &args)
{
    GuiOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--tray")) {
            options.tray = true;
        } else if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) {
            options.language = args[++i];
        } else if (args[i].startsWith(QLatin1String("--lang="))) {
            options.language = args[i].mid(7);
        } else {
            std::fprintf(stderr, "scorpiox-desktop: unknown option '%s'; see scorpiox-desktop --help\n",
                         args[i].toLocal8Bit().constData());
            return std::nullopt;
        }
    }
    return options;
}

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
#ifdef Q_OS_WIN
    ManagerJob::enter();
#endif

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
    const std::optional<GuiOptions> gui = parseGuiOptions(args);
    if (!gui)
        return ExitCode::RuntimeFailed;
    if (!hasDisplay()) {
        std::fputs("scorpiox-desktop: no display found; running 'scorpiox-desktop --cli doctor' instead\n", stderr);
        return runCli(argc, argv, {QStringLiteral("doctor")});
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/scorpiox/icons/scorpiox-desktop.svg")));
    // Closing the window keeps the program in the tray; Desktop decides when to quit.
    QApplication::setQuitOnLastWindowClosed(false);
    Translations::install(&app, gui->language.isEmpty() ? QLocale::system() : QLocale(gui->language));
    // One manager and one settings object per process, shared by every face that shows them.
    Settings settings(Paths::scorpioxHome(), QDir::currentPath());
    // Problems in the files are shown by the Settings and System views; valid keys still apply.
    (void)settings.load();
    SessionManager sessions;
    Desktop desktop(&sessions, &settings);
    desktop.start(gui->tray);
    return app.exec();
}
