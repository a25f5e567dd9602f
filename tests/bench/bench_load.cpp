// SPDX-License-Identifier: GPL-3.0-or-later
// The load run of issue 11: CLI sessions started all at once (each its own `scorpiox-desktop
// --cli run` process), then sessions started all at once through one SessionManager on PTYs, as the
// window does. Every session prints a numbered stream and ends with an exit code of its own.
// Checked: every code and every stream's last line arrive, no record, overlay or mount is left,
// and this process (the window's stand-in) stays under --max-rss-mb although each session writes
// more than its log keeps. Prints times and peak RSS; exits 1 naming every check that failed.
//   bench_load [--cli N] [--manager N] [--lines N] [--max-rss-mb MB]
// The ctest `load` runs it as an ordinary user; tests/bench/bench_load.sh reports its figures.
#include "TempHome.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

extern char **environ;

namespace {

struct Options
{
    int cliSessions = 50;
    int managerSessions = 20;
    int lines = 200000; ///< `seq 1 LINES`: about 1.3 MB, more than a session log's 1 MiB ring
    int maxRssMb = 0;   ///< 0: report only
};

QStringList g_failures;

void check(bool ok, const QString &what)
{
    if (!ok)
        g_failures.append(what);
}

QString script(int index, int lines)
{
    return QStringLiteral("seq 1 %1; echo session-%2-done; exit %3").arg(lines).arg(index).arg(index % 8);
}

long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

/// What a run leaves behind: records, overlays, and overlay mounts visible on the host.
void checkNothingLeft(const TempHome &home, const QString &phase)
{
    const QString cache = home.home() + QStringLiteral("/containers");
    for (const char *dir : {"sessions", "overlays"}) {
        const QStringList left = QDir(cache + QLatin1Char('/') + QLatin1String(dir))
                                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        check(left.isEmpty(), QStringLiteral("%1: %2 left in %3/%4").arg(phase).arg(left.size()).arg(cache, QLatin1String(dir)));
    }
    QFile mounts(QStringLiteral("/proc/self/mountinfo"));
    check(mounts.open(QIODevice::ReadOnly) && !mounts.readAll().contains(home.home().toUtf8()),
          QStringLiteral("%1: a mount under %2 is left on the host").arg(phase, home.home()));
}

void runCliSessions(const TempHome &home, const Options &options, const QByteArray &desktop)
{
    const QString outputs = home.path(QStringLiteral("cli-output"));
    QDir().mkpath(outputs);
    std::vector<pid_t> pids;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < options.cliSessions; ++i) {
        const QByteArray command = script(i, options.lines).toUtf8();
        const QByteArray outFile = QStringLiteral("%1/%2.out").arg(outputs).arg(i).toUtf8();
        const QByteArray errFile = QStringLiteral("%1/%2.err").arg(outputs).arg(i).toUtf8();
        const char *argv[] = {desktop.constData(), "--cli", "run", "--", "sh", "-c", command.constData(), nullptr};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, outFile.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, errFile.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        pid_t pid = -1;
        const int err = posix_spawn(&pid, argv[0], &actions, nullptr, const_cast<char **>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        check(err == 0, QStringLiteral("cli: cannot start session %1: %2").arg(i).arg(QString::fromLocal8Bit(strerror(err))));
        pids.push_back(err == 0 ? pid : -1);
    }
    long peakKb = 0;
    for (int i = 0; i < int(pids.size()); ++i) {
        if (pids[i] < 0)
            continue;
        int status = 0;
        rusage usage {};
        while (wait4(pids[i], &status, 0, &usage) < 0 && errno == EINTR) { }
        peakKb = std::max(peakKb, usage.ru_maxrss);
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        check(code == i % 8, QStringLiteral("cli: session %1 exited with %2, expected %3 (stderr: %4)")
                                 .arg(i).arg(code).arg(i % 8)
                                 .arg(QString::fromUtf8(TempHome::readFile(QStringLiteral("%1/%2.err").arg(outputs).arg(i))).trimmed()));
        const QByteArray out = TempHome::readFile(QStringLiteral("%1/%2.out").arg(outputs).arg(i));
        check(out.endsWith(QStringLiteral("\n%1\nsession-%2-done\n").arg(options.lines).arg(i).toUtf8()),
              QStringLiteral("cli: session %1's output is incomplete (%2 bytes)").arg(i).arg(out.size()));
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    std::printf("cli:     %d sessions at once, %d lines each: %.2f s, largest process peak RSS %.1f MB\n",
                options.cliSessions, options.lines, seconds, double(peakKb) / 1024);
    std::printf("result cli_seconds=%.3f cli_peak_rss_mb=%.1f\n", seconds, double(peakKb) / 1024);
    checkNothingLeft(home, QStringLiteral("cli"));
}

struct ManagedRun
{
    int exitCode = -1;
    bool ended = false;
    qint64 bytes = 0;
    QByteArray tail; ///< only the end: the stream itself would make this process grow
};

void runManagerSessions(const TempHome &home, const Options &options)
{
    Settings settings(home.home(), home.project());
    (void)settings.load();
    SessionConfig config = SessionConfig::fromSettings(settings);
    config.memoryMb = 0;

    const long baselineKb = statusKb("VmRSS:");
    SessionManager manager;
    std::vector<ManagedRun> runs(size_t(options.managerSessions));
    // Every session's end counts down (a failure may follow a finish: only the first counts); the
    // last one ends the event loop.
    int running = options.managerSessions;
    auto end = [&running](ManagedRun &run) {
        if (run.ended)
            return;
        run.ended = true;
        if (--running == 0)
            QCoreApplication::quit();
    };
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < options.managerSessions; ++i) {
        SessionRequest request;
        request.projectDir = home.project();
        request.command = {QStringLiteral("sh"), QStringLiteral("-c"), script(i, options.lines)};
        const Result<Session *> started = manager.start(request, config);
        check(started.ok(), QStringLiteral("manager: session %1 did not start: %2").arg(i).arg(started.ok() ? QString() : started.error().message));
        if (!started.ok()) {
            end(runs[size_t(i)]);
            continue;
        }
        ManagedRun &run = runs[size_t(i)];
        QObject::connect(*started, &Session::output, &manager, [&run](const QByteArray &bytes) {
            run.bytes += bytes.size();
            run.tail = QByteArray(run.tail + bytes).right(256);
        });
        QObject::connect(*started, &Session::finished, &manager, [&run, &end](int code, const QString &) {
            run.exitCode = code;
            end(run);
        });
        QObject::connect(*started, &Session::failed, &manager, [&run, &end, i](const Error &error) {
            g_failures.append(QStringLiteral("manager: session %1 failed: %2").arg(i).arg(error.message));
            end(run);
        });
    }
    QTimer::singleShot(300000, &manager, [] { QCoreApplication::quit(); });
    if (running > 0)
        QCoreApplication::exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;

    for (int i = 0; i < options.managerSessions; ++i) {
        const ManagedRun &run = runs[size_t(i)];
        check(run.ended, QStringLiteral("manager: session %1 did not end within 300 s").arg(i));
        check(run.exitCode == i % 8, QStringLiteral("manager: session %1 exited with %2, expected %3").arg(i).arg(run.exitCode).arg(i % 8));
        check(run.tail.contains(QStringLiteral("%1\r\nsession-%2-done").arg(options.lines).arg(i).toUtf8()),
              QStringLiteral("manager: session %1's output is incomplete (%2 bytes)").arg(i).arg(run.bytes));
    }
    const long peakKb = statusKb("VmHWM:");
    const long growthKb = peakKb - baselineKb;
    std::printf("manager: %d sessions at once on PTYs, %d lines each: %.2f s, this process's peak RSS %.1f MB "
                "(%.1f MB before, +%.1f MB)\n",
                options.managerSessions, options.lines, seconds, double(peakKb) / 1024, double(baselineKb) / 1024,
                double(growthKb) / 1024);
    std::printf("result manager_seconds=%.3f manager_peak_rss_mb=%.1f manager_rss_growth_mb=%.1f\n", seconds,
                double(peakKb) / 1024, double(growthKb) / 1024);
    if (options.maxRssMb > 0)
        check(peakKb <= long(options.maxRssMb) * 1024,
              QStringLiteral("manager: peak RSS %1 MB is over the bound of %2 MB").arg(peakKb / 1024).arg(options.maxRssMb));
    checkNothingLeft(home, QStringLiteral("manager"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int value = args.at(i + 1).toInt(&ok);
        if (!ok || value < 0) {
            std::fprintf(stderr, "bench_load: %s needs a number\n", qPrintable(args.at(i)));
            return 2;
        }
        if (args.at(i) == QLatin1String("--cli"))
            options.cliSessions = value;
        else if (args.at(i) == QLatin1String("--manager"))
            options.managerSessions = value;
        else if (args.at(i) == QLatin1String("--lines"))
            options.lines = value;
        else if (args.at(i) == QLatin1String("--max-rss-mb"))
            options.maxRssMb = value;
        else {
            std::fprintf(stderr, "usage: bench_load [--cli N] [--manager N] [--lines N] [--max-rss-mb MB]\n");
            return 2;
        }
    }

    TempHome home;
    TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"), "container_memory_mb=0\n");
    QDir::setCurrent(home.project());
    const QByteArray desktop = QByteArrayLiteral(SCORPIOX_DESKTOP_BIN);
    // The first session imports the built-in image; the load starts from a warm cache.
    QElapsedTimer clock;
    clock.start();
    const int warmup = system(QByteArray("'" + desktop + "' --cli run -- true").constData());
    check(warmup == 0, QStringLiteral("the first session (importing the default image) failed: status %1").arg(warmup));
    std::printf("first session (imports the default image): %.2f s\n", double(clock.nsecsElapsed()) / 1e9);

    if (g_failures.isEmpty() && options.cliSessions > 0)
        runCliSessions(home, options, desktop);
    if (g_failures.isEmpty() && options.managerSessions > 0)
        runManagerSessions(home, options);

    for (const QString &failure : std::as_const(g_failures))
        std::fprintf(stderr, "FAIL: %s\n", qPrintable(failure));
    return g_failures.isEmpty() ? 0 : 1;
}
